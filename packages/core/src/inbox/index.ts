export { codeCandidates, extractCode } from './extract';
export { extractLink } from './link';
export {
  type DeliverRequest,
  deliver,
  type InboxTarget,
  type OtpOptions,
  otp,
  parseSince,
  readInbox,
} from './ops';
export { type SmtpSink, type SmtpSinkOptions, startSmtpSink } from './smtp';
export { type Found, type MessageFilter, scan, type WaitResult } from './wait';
