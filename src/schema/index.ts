// schema/: the zod schemas behind every type that crosses a boundary.
export * from './transfer.ts'
export * from './finding.ts'
export * from './alert.ts'
export * from './truth.ts'
export * from './user.ts'
export * from './job.ts'
export * from './runs.ts'
export * from './search.ts'
