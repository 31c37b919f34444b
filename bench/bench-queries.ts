// The benchmarks' own SQL (synthetic data at scale) lives in bench/queries, not among the product's
// queries: importing this makes `bench/<name>` resolve to bench/queries/<name>.sql.
import { fileURLToPath } from 'node:url'
import { addQueryModule } from '../src/store/index.ts'

addQueryModule('bench', fileURLToPath(new URL('./queries/', import.meta.url)))
