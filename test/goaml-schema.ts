// Validation of goAML reports against a real FIU's goAML 5.0.2 schema (../shared/data/goaml, read in
// place) with xmllint (libxml2 compiled to WebAssembly), and the sample settings of samples/config.json
// that match that FIU's code lists.
import { readFileSync } from 'node:fs'
import { validateXML } from 'xmllint-wasm'
import { sharedFiles } from './required.ts'
import { GoamlConfig } from '../src/cases/index.ts'

export const [GOAML_XSD] = sharedFiles('goAML schema validation', ['goaml/goAMLSchema-5.0.2.xsd'])

let schema: string | undefined

/** The schema's complaints about a report; [] when it is valid. */
export async function goamlSchemaErrors(xml: string): Promise<string[]> {
  schema ??= readFileSync(GOAML_XSD!, 'utf8')
  const r = await validateXML({
    xml: [{ fileName: 'report.xml', contents: xml }],
    schema: [{ fileName: 'goAMLSchema-5.0.2.xsd', contents: schema }],
  })
  return r.valid ? [] : r.errors.map((e) => e.rawMessage)
}

/** samples/config.json's cases.goaml (that FIU's codes), not marked as samples, with overrides. */
export function goamlTestSettings(over: Record<string, unknown> = {}): GoamlConfig {
  const file = new URL('../samples/config.json', import.meta.url)
  const raw = JSON.parse(readFileSync(file, 'utf8')).cases.goaml
  return GoamlConfig.parse({ ...raw, sample_values: false, ...over })
}
