/** Types of scripts/local-outlet.mjs, for the TypeScript benchmarks that use it. */
export type LocalOutlet = {
  origin: string
  files: Map<string, string>
  requests: { path: string; status: number }[]
  stop: () => Promise<void>
}
export function startOutlet(files: Map<string, string>, options?: { host?: string }): Promise<LocalOutlet>
export function filesIn(dir: string): Map<string, string>
