/** The audit log: every change, by whom (a user, the calendar import or a job), with before and after. */
export {
  countAuditEntries,
  listAudit,
  listAuditEntries,
  recordAudit,
  recordChange,
  userOf,
  type Actor,
  type AuditEntry,
  type AuditInput,
  type AuditNote,
  type SystemActor,
} from './audit.store.js';
