/** The audit log: every change, by whom (a user, the calendar import or a job), with before and after. */
export { countAuditEntries, listAudit, listAuditEntries, type AuditEntry } from './audit.queries.js';
export { recordAudit, recordChange, userOf, type Actor, type AuditNote } from './audit.commands.js';
export type { AuditInput, SystemActor } from './audit.store.js';
