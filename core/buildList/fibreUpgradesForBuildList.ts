import type { FibreUpgradeRow, FibreUpgradeType } from '../ftth';
import type { FibreUpgrade } from './buildListRows';

/** The planners' words for each upgrade (glossary.md): what is built, and how. */
const WORDS: Record<FibreUpgradeType, { upgrade: string; buildMethod: string }> = {
  xgs_line_card: { upgrade: 'GPON升级XGS-PON (10G-PON板卡)', buildMethod: '板卡升级' },
  new_odn: { upgrade: '新建ODN分区', buildMethod: '新建' },
  new_olt: { upgrade: '新建OLT局点', buildMethod: '新建' },
};

/**
 * The FTTH upgrade list (core/ftth) as build-list rows: Chinese upgrade names, status 'proposed', the
 * households gained and the split scheme in the notes, costs marked as estimates (ftth.md §4 [EST]).
 * @example buildListRows(project, { fibreUpgrades: fibreUpgradesForBuildList(analyseFibre(project).value.upgrades) })
 */
export function fibreUpgradesForBuildList(rows: readonly FibreUpgradeRow[]): FibreUpgrade[] {
  return rows.map((r, i) => ({
    id: `F${i + 1}`,
    name: r.name,
    upgrade: WORDS[r.type].upgrade,
    buildMethod: WORDS[r.type].buildMethod,
    lonDeg: r.lonDeg,
    latDeg: r.latDeg,
    costCny: r.costCny,
    status: 'proposed',
    isCostEstimate: r.isCostEstimate,
    notes: [
      `新增千兆覆盖 ${Math.round(r.householdsGained)} 户`,
      r.xgsPortsAdded ? `新增10G-PON端口 ${r.xgsPortsAdded} 个` : '',
      r.splitScheme ? `分光 ${r.splitScheme}` : '',
      r.isCostEstimate ? '投资为估算值 (ftth.md §4 [EST])' : '',
      r.notes,
    ].filter(Boolean).join('；'),
  }));
}
