/** Mail: sending over SMTP or into the outbox, and reading the outbox. */
export * from './mail.js';
export { countOutbox, deleteOutboxAbout, listOutbox, moveOutboxSubject, pruneOutbox } from './mail.store.js';
export { createMailer, type Mailer, type MailerOptions, type MailLog } from './mailer.js';
