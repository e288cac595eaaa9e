/** The pseudo-locale's catalogue, made at build from the English one (scripts/messages.ts). */
declare module 'virtual:de-risk/pseudo-catalogue' {
  const messages: Record<string, unknown>;
  export default messages;
}
