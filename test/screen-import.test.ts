// importList: OFAC alt.csv found beside sdn.csv (and part of the snapshot's identity), explicit
// --alt, format detection, and the errors a bad import raises.
import { describe, it, expect, beforeEach, afterEach } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { withStore } from '../src/store/index.ts'
import { importList, listSnapshots, loadNameIndex } from '../src/screen/index.ts'
import { BadInputError, UnreadableFileError } from '../src/util/errors.ts'

const SDN =
  '306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n' +
  '7,"DOE, John",individual,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n'
const ALT = '306,1,"aka","NATIONAL BANK OF CUBA",-0- \n'

describe('importList', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rw-import-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('reads alt.csv beside sdn.csv, and a changed alt.csv makes a new snapshot', async () => {
    await withStore(async (store) => {
      writeFileSync(join(dir, 'sdn.csv'), SDN)
      writeFileSync(join(dir, 'alt.csv'), ALT)
      const a = await importList(store, join(dir, 'sdn.csv'), { kind: 'sanctions' })
      expect(a).toMatchObject({ format: 'ofac-sdn', entries: 2, names: 3, status: 'imported' })
      const { index } = await loadNameIndex(store)
      expect(index.match('National Bank of Cuba', { threshold: 0.82 })[0]).toMatchObject({
        listName: 'NATIONAL BANK OF CUBA',
        nameKind: 'alias',
      })
      writeFileSync(join(dir, 'alt.csv'), ALT + '7,2,"fka","JOHNNY DOE",-0- \n')
      const b = await importList(store, join(dir, 'sdn.csv'), { kind: 'sanctions' })
      expect(b).toMatchObject({ status: 'imported', names: 4, replaced: 1 })
      expect((await listSnapshots(store)).map((s) => s.active)).toEqual([false, true])
    })
  })

  it('takes an explicit --alt file', async () => {
    await withStore(async (store) => {
      mkdirSync(join(dir, 'aliases'))
      writeFileSync(join(dir, 'sdn.csv'), SDN)
      writeFileSync(join(dir, 'aliases', 'alt-2024.csv'), ALT)
      const a = await importList(store, join(dir, 'sdn.csv'), {
        kind: 'sanctions',
        alt: join(dir, 'aliases', 'alt-2024.csv'),
      })
      expect(a.names).toBe(3)
    })
  })

  it('refuses what it cannot import, with the error class that says so', async () => {
    await withStore(async (store) => {
      const f = join(dir, 'list.csv')
      writeFileSync(f, 'name,aliases,country,list\n,,,\n')
      await expect(importList(store, f, { kind: 'sanctions' })).rejects.toBeInstanceOf(
        BadInputError,
      )
      writeFileSync(f, 'name,aliases,country,list\nAcme Ltd,,,\n')
      await expect(importList(store, f, { kind: 'goods' })).rejects.toBeInstanceOf(BadInputError)
      await expect(
        importList(store, f, { kind: 'sanctions', format: 'xml' }),
      ).rejects.toBeInstanceOf(BadInputError)
      await expect(
        importList(store, join(dir, 'missing.csv'), { kind: 'sanctions' }),
      ).rejects.toBeInstanceOf(UnreadableFileError)
      expect(await listSnapshots(store)).toEqual([])
    })
  })
})
