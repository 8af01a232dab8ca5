import type { Item, Location, ParLevel } from '../../shared/model';

/**
 * The demo facility's fixed data: what a stockroom at a mid-size hospital keeps. GTINs carry
 * correct check digits and HIBCC codes correct mod-43 check characters (tests/unit/seed.* checks
 * both with the scan parser), so demo labels scan as real ones do.
 */
export const DEMO_FACILITY = 'FAC-DEMO';

const item = (
  fields: Omit<Item, 'status' | 'serialTracked' | 'lotTracked'> & Partial<Item>,
): Item => ({
  status: 'active',
  serialTracked: false,
  lotTracked: true,
  ...fields,
});

export const DEMO_ITEMS: Item[] = [
  item({
    id: 'ITM-1001',
    name: 'IV catheter 20G × 1.16 in',
    gtins: ['10885403123450'],
    hibccCodes: [],
    catalogNumber: '381134',
    manufacturer: 'Meridian Vascular',
    unit: 'each',
    orderMultiple: 50,
    unitCost: 1.25,
  }),
  item({
    id: 'ITM-1002',
    name: 'Nitrile exam gloves, medium',
    gtins: ['10885403770128'],
    hibccCodes: [],
    catalogNumber: 'NX-200M',
    manufacturer: 'Harbor Glove',
    unit: 'box',
    orderMultiple: 10,
    unitCost: 7.9,
  }),
  item({
    id: 'ITM-1003',
    name: 'Sterile gauze sponge 4 × 4 in',
    gtins: ['00885404102341'],
    hibccCodes: [],
    catalogNumber: 'GZ-44S',
    manufacturer: 'Cotton Ridge',
    unit: 'pack',
    orderMultiple: 20,
    unitCost: 0.6,
  }),
  item({
    id: 'ITM-1004',
    name: 'Syringe 10 mL Luer-Lock',
    gtins: ['00885404558711'],
    hibccCodes: [],
    catalogNumber: '302995',
    manufacturer: 'Meridian Vascular',
    unit: 'each',
    orderMultiple: 100,
    unitCost: 0.18,
  }),
  item({
    id: 'ITM-1005',
    name: 'Foley catheter 16 Fr, silicone',
    gtins: ['10885403987649'],
    hibccCodes: [],
    catalogNumber: 'FC-16S',
    manufacturer: 'Uroline',
    unit: 'each',
    orderMultiple: 10,
    unitCost: 4.1,
  }),
  item({
    id: 'ITM-1006',
    name: 'Saline flush syringe 10 mL',
    gtins: ['00885404200177'],
    hibccCodes: [],
    catalogNumber: 'SF-10',
    manufacturer: 'Meridian Vascular',
    unit: 'each',
    orderMultiple: 30,
    unitCost: 0.42,
  }),
  item({
    id: 'ITM-1007',
    name: 'Surgical mask, ear loops',
    gtins: ['10382701033165'],
    hibccCodes: [],
    catalogNumber: 'MK-3PLY',
    manufacturer: 'Harbor Glove',
    unit: 'box',
    orderMultiple: 10,
    unitCost: 5.5,
  }),
  item({
    id: 'ITM-1008',
    name: 'Blood culture bottle, aerobic',
    gtins: ['00382701102253'],
    hibccCodes: [],
    catalogNumber: 'BC-AER',
    manufacturer: 'Lumen Diagnostics',
    unit: 'each',
    orderMultiple: 25,
    unitCost: 3.2,
  }),
  item({
    id: 'ITM-2001',
    name: 'Central venous catheter kit 7 Fr, triple lumen',
    gtins: [],
    hibccCodes: ['H124CVC7L1'],
    catalogNumber: 'CVC7L',
    manufacturer: 'Hollis Critical Care',
    unit: 'kit',
    orderMultiple: 1,
    unitCost: 58,
  }),
  item({
    id: 'ITM-2002',
    name: 'Suture 3-0 polyglactin, 27 in',
    gtins: [],
    hibccCodes: ['H124SUT301'],
    catalogNumber: 'SUT30',
    manufacturer: 'Hollis Critical Care',
    unit: 'each',
    orderMultiple: 12,
    unitCost: 6.75,
  }),
  item({
    id: 'ITM-2003',
    name: 'Implantable port 20G',
    gtins: [],
    hibccCodes: ['E219PORT20G1'],
    catalogNumber: 'PORT20G',
    manufacturer: 'Eastgate Medical',
    unit: 'each',
    orderMultiple: 1,
    unitCost: 310,
    serialTracked: true,
  }),
];

const place = (id: string, name: string, kind: Location['kind'], parentId?: string): Location => ({
  id,
  facilityId: DEMO_FACILITY,
  name,
  kind,
  barcode: id,
  active: true,
  ...(parentId ? { parentId } : {}),
});

export const DEMO_LOCATIONS: Location[] = [
  place('LOC-MAIN', 'Main stockroom', 'stockroom'),
  place('LOC-DOCK', 'Receiving dock', 'dock', 'LOC-MAIN'),
  place('LOC-A1', 'Stockroom A · Shelf 1', 'shelf', 'LOC-MAIN'),
  place('LOC-A2', 'Stockroom A · Shelf 2', 'shelf', 'LOC-MAIN'),
  place('LOC-A3', 'Stockroom A · Shelf 3', 'shelf', 'LOC-MAIN'),
  place('LOC-QC', 'Quarantine cage', 'quarantine', 'LOC-MAIN'),
  place('DEP-ICU', 'Intensive care unit', 'department'),
  place('DEP-ED', 'Emergency department', 'department'),
  place('DEP-4B', 'Ward 4B (surgical)', 'department'),
];

const par = (
  id: string,
  locationId: string,
  itemId: string,
  fields: Partial<ParLevel>,
): ParLevel => ({
  id,
  facilityId: DEMO_FACILITY,
  locationId,
  itemId,
  method: 'par',
  reviewDays: 7,
  leadTimeDays: 2,
  ...fields,
});

export const DEMO_PAR_LEVELS: ParLevel[] = [
  par('PAR-1001-A1', 'LOC-A1', 'ITM-1001', { par: 200, reorderPoint: 180 }),
  par('PAR-1002-A2', 'LOC-A2', 'ITM-1002', { par: 40 }),
  par('PAR-1003-A2', 'LOC-A2', 'ITM-1003', { par: 100, reorderPoint: 80 }),
  par('PAR-1004-A1', 'LOC-A1', 'ITM-1004', { method: 'two-bin', binQuantity: 100 }),
  par('PAR-1006-A1', 'LOC-A1', 'ITM-1006', { par: 150, reorderPoint: 120 }),
  par('PAR-1007-A2', 'LOC-A2', 'ITM-1007', { method: 'min-max', min: 100, max: 600 }),
  par('PAR-2001-A3', 'LOC-A3', 'ITM-2001', { par: 6, reorderPoint: 4 }),
  par('PAR-2003-A3', 'LOC-A3', 'ITM-2003', { par: 4, reorderPoint: 2 }),
];

/** Lots on the shelves at first run; expiries are days from the seed day. */
export interface DemoLot {
  itemId: string;
  lotCode: string;
  expiresInDays: number;
  quantity: number;
  locationId: string;
  serial?: string;
}

export const DEMO_LOTS: DemoLot[] = [
  {
    itemId: 'ITM-1001',
    lotCode: 'IVC2611A',
    expiresInDays: 400,
    quantity: 120,
    locationId: 'LOC-A1',
  },
  {
    itemId: 'ITM-1001',
    lotCode: 'IVC2603B',
    expiresInDays: 25,
    quantity: 40,
    locationId: 'LOC-A1',
  },
  { itemId: 'ITM-1002', lotCode: 'GL5521', expiresInDays: 700, quantity: 30, locationId: 'LOC-A2' },
  { itemId: 'ITM-1003', lotCode: 'GZ0917', expiresInDays: -12, quantity: 15, locationId: 'LOC-A2' },
  { itemId: 'ITM-1003', lotCode: 'GZ1102', expiresInDays: 55, quantity: 60, locationId: 'LOC-A2' },
  { itemId: 'ITM-1004', lotCode: 'SY4410', expiresInDays: 85, quantity: 200, locationId: 'LOC-A1' },
  {
    itemId: 'ITM-1005',
    lotCode: 'FC2409A',
    expiresInDays: 300,
    quantity: 18,
    locationId: 'LOC-A3',
  },
  {
    itemId: 'ITM-1005',
    lotCode: 'FC2410C',
    expiresInDays: 320,
    quantity: 10,
    locationId: 'LOC-A3',
  },
  { itemId: 'ITM-1006', lotCode: 'SF7781', expiresInDays: 15, quantity: 80, locationId: 'LOC-A1' },
  { itemId: 'ITM-1007', lotCode: 'MK1200', expiresInDays: 900, quantity: 90, locationId: 'LOC-A2' },
  { itemId: 'ITM-1008', lotCode: 'BC3301', expiresInDays: -3, quantity: 6, locationId: 'LOC-A3' },
  { itemId: 'ITM-2001', lotCode: 'CV88123', expiresInDays: 200, quantity: 4, locationId: 'LOC-A3' },
  { itemId: 'ITM-2002', lotCode: 'ST5590', expiresInDays: 75, quantity: 24, locationId: 'LOC-A3' },
];
