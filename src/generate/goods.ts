// Goods on trade payments: controlled HS-6 codes (a subset of the EU/US Common High Priority List,
// embedded so the generator needs no outside files) with matching dual-use descriptions, ordinary
// goods with their HS codes, and the vague wording used to disguise a controlled shipment.
import type { Rng } from './rng.ts'

/** [HS-6, CHPL tier, descriptions a genuine invoice would carry] */
export const CONTROLLED_GOODS: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  [
    '854231',
    '1',
    [
      'Microcontrollers STM32F4 series',
      'FPGA modules Xilinx Artix-7',
      'Processors and controllers (integrated circuits)',
      'Mikrocontroller ICs',
    ],
  ],
  [
    '854232',
    '1',
    ['DRAM memory chips DDR4', 'NAND flash memory ICs', 'Memory integrated circuits'],
  ],
  ['854233', '1', ['RF amplifier integrated circuits', 'Operational amplifiers ICs']],
  [
    '854239',
    '1',
    ['Integrated circuits assorted', 'Mixed-signal ICs', 'Electronic integrated circuits'],
  ],
  ['851762', '2', ['Network routers and switches', 'Data transmission modules']],
  ['852691', '2', ['GNSS navigation modules', 'Radio navigation receivers', 'GPS modules']],
  ['853221', '2', ['Tantalum capacitors', 'Tantal-Kondensatoren']],
  ['853224', '2', ['Multilayer ceramic capacitors MLCC']],
  ['854800', '2', ['Electronic components for machinery']],
  ['847150', '3.A', ['Industrial computer processing units', 'Server processing units']],
  ['850440', '3.A', ['Static converters and inverters', 'DC-DC power converters']],
  ['852589', '3.A', ['Thermal imaging cameras', 'Digital video cameras industrial']],
  ['852990', '3.A', ['Radar parts', 'Antenna and radio parts']],
  ['854129', '3.A', ['Power transistors MOSFET', 'IGBT transistors']],
  ['848210', '3.B', ['Ball bearings SKF 6205', 'Kugellager', 'Ball bearings high precision']],
  ['848220', '3.B', ['Tapered roller bearings']],
  ['880730', '3.B', ['UAV spare parts', 'Drone parts and propellers', 'Aircraft parts']],
  ['901420', '3.B', ['Aeronautical navigation instruments', 'Inertial navigation units']],
  ['848620', '4.A', ['Semiconductor manufacturing equipment', 'Wafer processing machine']],
  ['903020', '4.A', ['Digital oscilloscopes', 'Oscilloscope Keysight DSOX']],
  ['903082', '4.A', ['Wafer test instruments']],
  ['845710', '4.B', ['CNC machining centre 5-axis', 'CNC-Bearbeitungszentrum']],
  ['845961', '4.B', ['CNC milling machines', 'Numerically controlled milling machine']],
  ['846693', '4.B', ['Parts for CNC machine tools', 'Spindles and tool holders for CNC']],
  ['854110', '3.A', ['Schottky diodes', 'Rectifier diodes']],
  ['854149', '3.A', ['Photodiodes and optocouplers', 'Infrared photodiodes']],
  ['901480', '3.B', ['Marine navigation instruments', 'Gyrocompasses']],
  ['853400', '4.A', ['Printed circuit boards multilayer', 'Leiterplatten']],
  ['845811', '4.B', ['CNC lathes horizontal', 'CNC-Drehmaschinen']],
  ['848230', '3.B', ['Spherical roller bearings']],
]

/**
 * HS 2017 codes that HS 2022 split or renumbered, with their CHPL successors (WCO correlation tables
 * HS 2017–HS 2022): an invoice may still carry the old code.
 */
export const HS2017_SUCCESSORS: Readonly<Record<string, readonly string[]>> = {
  '854140': ['854141', '854142', '854143', '854149'],
  '854150': ['854151', '854159'],
  '880330': ['880730'],
}

/** Consumer goods wording: on a controlled HS code it declares the wrong kind of goods. */
export const CONSUMER_DESCRIPTIONS = [
  'Household electronics',
  'Kitchen appliances',
  'Toys',
  'Furniture',
  'Textiles',
  'Cosmetics',
  'Sports equipment',
  'Garden tools',
  'Mobile phone accessories',
  'Haushaltselektronik',
  'Küchengeräte',
  'Spielwaren',
  'Petit électroménager',
  'Jouets',
] as const

/** [HS-6, descriptions] for ordinary, uncontrolled goods. */
export const ORDINARY_GOODS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['940360', ['Wooden office furniture', 'Büromöbel', 'Furniture']],
  ['610910', ['Cotton T-shirts', 'Textiles T-shirts']],
  ['640399', ['Leather footwear', 'Shoes']],
  ['870899', ['Automotive spare parts', 'Kfz-Ersatzteile', 'Car parts']],
  ['392690', ['Plastic articles', 'Plastic packaging parts']],
  ['730890', ['Steel structures', 'Stahlkonstruktionen']],
  ['220421', ['Wine', 'Vin rouge', 'Wein']],
  ['090121', ['Roasted coffee', 'Kaffee']],
  ['847130', ['Laptop computers', 'Notebooks']],
  ['300490', ['Medicaments', 'Pharmaceuticals']],
  ['841810', ['Refrigerators', 'Kühlschränke']],
  ['940540', ['LED lamps', 'Lighting fixtures']],
  ['481910', ['Cartons and boxes', 'Packaging material']],
  ['732690', ['Iron and steel articles', 'Hardware']],
  ['847989', ['Industrial machinery', 'Packaging machines']],
  ['401110', ['Car tyres', 'Reifen']],
  ['080810', ['Fresh apples']],
  ['691110', ['Porcelain tableware']],
]

/** Vague wording that hides what is shipped: with a controlled HS code it is a goods mismatch. */
export const VAGUE_DESCRIPTIONS = [
  'Spare parts',
  'Household goods',
  'Consumer electronics accessories',
  'Auto parts',
  'Toys',
  'Office supplies',
  'General merchandise',
  'Agricultural equipment',
  'Building materials',
  'Ersatzteile',
  'Pièces détachées',
  'Goods as per contract',
] as const

export function controlledGood(rng: Rng): { hs: string; description: string } {
  const [hs, , descs] = rng.pick(CONTROLLED_GOODS)
  return { hs, description: rng.pick(descs) }
}

export function ordinaryGood(rng: Rng): { hs: string; description: string } {
  const [hs, descs] = rng.pick(ORDINARY_GOODS)
  return { hs, description: rng.pick(descs) }
}

/** HS code as written on payments: "854231", "8542.31" or with a national suffix "85423190". */
export function formatHs(rng: Rng, hs: string): string {
  const r = rng.next()
  if (r < 0.6) return hs
  if (r < 0.85) return `${hs.slice(0, 4)}.${hs.slice(4)}`
  return hs + rng.digits(2)
}

export const CONTROLLED_HS = new Set([
  ...CONTROLLED_GOODS.map(([hs]) => hs),
  ...Object.keys(HS2017_SUCCESSORS),
])
