/** Stops the embedded reference target that global setup started, if it started one. */
export default async function globalTeardown(): Promise<void> {
  const running = globalThis.__paycertEmbedded;
  if (running) {
    globalThis.__paycertEmbedded = undefined;
    delete process.env.PAYCERT_RUN;
    await running.close();
  }
}
