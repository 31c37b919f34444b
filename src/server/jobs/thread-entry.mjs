// Starts a worker thread on a TypeScript module when ringwatch runs from its sources: the thread
// registers tsx (loader hooks are per thread) and imports workerData.module.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.module)
