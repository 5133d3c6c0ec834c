/**
 * The build list's Chinese words (types, build methods, statuses, as buildListRows and
 * fibreUpgradesForBuildList write them for planners) and a stable English id for each, so a UI can name
 * them in its own language.
 */
const WORD_IDS: Readonly<Record<string, string>> = {
  宏站: 'macro', 微站: 'micro', 室分: 'indoor',
  新建: 'newBuild', 共享铁塔: 'sharedTower', 智慧杆: 'smartPole', 楼顶: 'rooftop', 板卡升级: 'cardUpgrade',
  OLT新建: 'newOlt', 'GPON升级XGS-PON (10G-PON板卡)': 'xgsCard', 新建ODN分区: 'newOdn', 新建OLT局点: 'newOltSite',
  规划: 'planned', 建议: 'proposed',
};

/**
 * The id of a build-list word (a row's type, build method or status), or undefined for free text such as
 * an imported upgrade's own name.
 * @example buildListWordId('共享铁塔') // 'sharedTower'
 */
export function buildListWordId(word: string): string | undefined {
  return Object.hasOwn(WORD_IDS, word) ? WORD_IDS[word] : undefined;
}
