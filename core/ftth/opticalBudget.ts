import { CONNECTOR_LOSS_DB, DESIGN_FIBRE_LOSS_DB_PER_KM, SPLICE_LOSS_DB, type SplitScheme } from './ponTables';
import { splitSchemeLoss } from './splitSchemeLoss';

/** One OLT-to-ONU optical path. Optional fields default to the ftth.md §1 design values. */
export interface OpticalLink {
  fibreKm: number;
  scheme: SplitScheme;
  /** fibre attenuation, dB/km (default 0.4) */
  fibreDbPerKm?: number;
  /** connectors / adapters on the path (default 6, as the worked example) */
  connectorCount?: number;
  /** loss per connector, dB (default 0.4) */
  connectorLossDb?: number;
  /** fusion splices on the path (default 4, as the worked example) */
  spliceCount?: number;
  /** loss per splice, dB (default 0.1) */
  spliceLossDb?: number;
  /** design margin (ageing, repairs) added to the loss, dB (default 0) */
  marginDb?: number;
}

/** Defaults of the optional OpticalLink fields (ftth.md §1 worked example). */
export const DEFAULT_LINK_COMPONENTS = {
  fibreDbPerKm: DESIGN_FIBRE_LOSS_DB_PER_KM,
  connectorCount: 6,
  connectorLossDb: CONNECTOR_LOSS_DB,
  spliceCount: 4,
  spliceLossDb: SPLICE_LOSS_DB,
  marginDb: 0,
} as const;

/**
 * Total optical loss of a PON link, dB: fibre km x dB/km + splitter stages + connectors + splices + margin.
 * The link is feasible on a budget class when this is <= the class budget (BUDGET_CLASSES).
 * Source: ftth.md §1 loss-budget components and worked check (jjsats.co.th, scribd GPON basics).
 * @example opticalBudgetDb({ fibreKm: 20, scheme: '1:4x1:16' }) // 31.6 (8.0 + 20.8 + 2.4 + 0.4)
 */
export function opticalBudgetDb(link: OpticalLink): number {
  if (!(link.fibreKm >= 0)) throw new RangeError(`link.fibreKm must be >= 0, got ${link.fibreKm}`);
  const c = { ...DEFAULT_LINK_COMPONENTS, ...definedOnly(link) };
  for (const key of Object.keys(DEFAULT_LINK_COMPONENTS) as (keyof typeof DEFAULT_LINK_COMPONENTS)[]) {
    if (!(c[key] >= 0)) throw new RangeError(`link.${key} must be >= 0, got ${c[key]}`);
  }
  return (
    link.fibreKm * c.fibreDbPerKm +
    splitSchemeLoss(link.scheme).lossDb +
    c.connectorCount * c.connectorLossDb +
    c.spliceCount * c.spliceLossDb +
    c.marginDb
  );
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
