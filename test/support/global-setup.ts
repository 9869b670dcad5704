/**
 * Decides once per run which suites can run. Missing PostgreSQL or Chromium skips those suites
 * with a loud banner, except under CI=true where it fails the run.
 */
import type { TestProject } from 'vitest/node';
import { chromiumMissing, postgresReachable } from './environment.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresSkip: string | null;
    chromiumSkip: string | null;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const postgresSkip = await postgresReachable();
  const chromiumSkip = chromiumMissing();
  const missing = [postgresSkip && `postgres suite: ${postgresSkip}`, chromiumSkip && `e2e suite: ${chromiumSkip}`].filter(
    Boolean,
  );
  if (missing.length > 0) {
    const ci = /^(1|true)$/i.test(process.env.CI ?? '');
    const banner = [
      '',
      '#'.repeat(78),
      `# ${ci ? 'CI=true: REFUSING TO SKIP' : 'SKIPPING SUITES'}`,
      ...missing.map((m) => `#   ${m}`),
      ci ? '# Install and start what is missing (see .ci/run).' : '# Run .ci/run to install them.',
      '#'.repeat(78),
      '',
    ].join('\n');
    console.warn(banner);
    if (ci) throw new Error(`CI=true and test dependencies are missing: ${missing.join('; ')}`);
  }
  project.provide('postgresSkip', postgresSkip);
  project.provide('chromiumSkip', chromiumSkip);
}
