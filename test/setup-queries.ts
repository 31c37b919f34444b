// The tests' fixture SQL lives in test/queries, not among the product's queries: every test file
// may run `fixture/<name>` (test/queries/<name>.sql).
import { fileURLToPath } from 'node:url'
import { addQueryModule } from '../src/store/index.ts'

addQueryModule('fixture', fileURLToPath(new URL('./queries/', import.meta.url)))
