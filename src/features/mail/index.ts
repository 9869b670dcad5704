/** Mail: sending over SMTP or into the outbox, and reading the outbox. */
export * from './mail.js';
export { countOutbox, listOutbox } from './mail.queries.js';
export { deleteOutboxAbout, moveOutboxSubject, pruneOutbox } from './mail.commands.js';
export { createMailer, type Mailer, type MailerOptions, type MailLog } from './mailer.js';
