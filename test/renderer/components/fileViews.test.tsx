import i18next from 'i18next';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { BuildListRow } from '../../../core/buildList';
import { ExportDialog } from '../../../renderer/components/ExportDialog';
import { FileActions } from '../../../renderer/components/FileActions';
import { ImportDialog } from '../../../renderer/components/ImportDialog';
import { ImportProblemList, PROBLEM_ROWS_SHOWN } from '../../../renderer/components/ImportProblemList';
import { RecentFiles } from '../../../renderer/components/RecentFiles';
import { RecoveryList } from '../../../renderer/components/RecoveryList';
import type { Host } from '../../../renderer/host/Host';
import { en } from '../../../renderer/i18n/en';
import { zh } from '../../../renderer/i18n/zh';
import { TaskTracker } from '../../../renderer/tasks/TaskTracker';
import { ExportRunner } from '../../../renderer/workers/exportRunner';
import { ImportRunner } from '../../../renderer/workers/importRunner';

async function render(lng: 'en' | 'zh', element: ReactElement): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({ resources: { zh: { translation: zh }, en: { translation: en } }, lng, interpolation: { escapeValue: false } });
  return renderToStaticMarkup(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>);
}

const noop = () => undefined;
const host = {} as Host;

describe('file views', () => {
  it('lists recent files, or says there are none', async () => {
    const html = await render('en', <RecentFiles files={[{ handle: 'h1', name: '仁怀.gpkg', modifiedMs: Date.UTC(2026, 0, 2) }]} onOpen={noop} />);
    expect(html).toContain('Recent files');
    expect(html).toContain('仁怀.gpkg');
    expect(await render('zh', <RecentFiles files={[]} onOpen={noop} />)).toContain('还没有最近的文件');
  });

  it('offers each crash copy with recover and discard, and shows nothing without one', async () => {
    const html = await render('zh', <RecoveryList items={[{ id: 'a', name: '仁怀市.gpkg', modifiedMs: 0, projectName: 'plan.gpkg' }]} onRecover={noop} onDiscard={noop} />);
    expect(html).toContain('上次未保存的工作');
    expect(html).toContain('plan.gpkg');
    expect(html).toContain('恢复');
    expect(html).toContain('丢弃');
    expect(await render('zh', <RecoveryList items={[]} onRecover={noop} onDiscard={noop} />)).toBe('');
  });

  it('marks the save button while dirty and disables saving during a save', async () => {
    const html = await render('en', <FileActions file={{ name: null, isDirty: true, isSaving: true }} onSave={noop} onSaveAs={noop} onImport={noop} onExport={noop} />);
    expect(html).toContain('data-dirty="true"');
    expect(html).toContain('Saving…');
    expect(html.match(/disabled=""/g)).toHaveLength(2);
  });

  it('the import dialog offers the three kinds and coordinate systems, and nothing to import before a file is read', async () => {
    const html = await render('en', <ImportDialog host={host} tracker={new TaskTracker()} runner={new ImportRunner({ inline: true })} countReplaced={() => 0} onImport={noop} onClose={noop} />);
    for (const s of ['Sites', 'Places', 'OLTs / central offices', 'WGS-84 (GPS)', 'CGCS2000', 'GCJ-02']) expect(html).toContain(s);
    expect(html).toMatch(/data-testid="import-accept" disabled=""/);
  });

  it('the export dialog counts sites and fibre rows and offers six formats', async () => {
    const row = { kind: 'site' } as BuildListRow;
    const html = await render('en', (
      <ExportDialog host={host} tracker={new TaskTracker()} runner={new ExportRunner({ inline: true })} rows={[row, row, { ...row, kind: 'fibre' }]} fibreMessage={null} countyName={{ zh: '仁怀市', en: 'Renhuai' }} costSources={[]} onDone={noop} onClose={noop} />
    ));
    expect(html).toContain('2 planned or proposed sites and 1 fibre upgrades');
    expect(html.match(/<option /g)).toHaveLength(6 + 2 + 2);
    expect(html).toMatch(/<option value="en" selected="">English<\/option>/);
  });

  it('the import problem list draws the first 200 of 50,000 problems, counts the rest and offers the CSV', async () => {
    const problems = Array.from({ length: 50_000 }, (_, i) => ({ file: 'bad.csv', row: i + 2, field: '纬度', reason: '不是数字', severity: 'error' as const }));
    const zhHtml = await render('zh', <ImportProblemList problems={problems} onSaveAll={noop} />);
    expect(zhHtml.match(/<tr class="error"/g)).toHaveLength(PROBLEM_ROWS_SHOWN);
    expect(PROBLEM_ROWS_SHOWN).toBe(200);
    expect(zhHtml).toContain('问题（50000）');
    expect(zhHtml).toContain('另有 49800 个问题未列出');
    expect(zhHtml).toContain('保存全部问题（CSV）');
    expect(zhHtml).toContain('data-row="201"');
    expect(zhHtml).not.toContain('data-row="202"');
    const enHtml = await render('en', <ImportProblemList problems={problems} onSaveAll={noop} />);
    expect(enHtml).toContain('and 49800 more problems not listed');
    expect(enHtml).toContain('Save all problems (CSV)');
    const few = await render('en', <ImportProblemList problems={problems.slice(0, 3)} onSaveAll={noop} />);
    expect(few.match(/<tr class="error"/g)).toHaveLength(3);
    expect(few).not.toContain('more problems');
    expect(few).toContain('Save all problems (CSV)');
  });

  it('words coded problem reasons in the UI\'s language', async () => {
    const coded = [{ file: 'a.csv', row: 2, field: '经度', reason: "'1O6.40' is not a number", code: 'notNumber', params: { value: '1O6.40' }, severity: 'error' as const }];
    expect(await render('zh', <ImportProblemList problems={coded} onSaveAll={noop} />)).toContain('“1O6.40”不是数字');
    expect(await render('en', <ImportProblemList problems={coded} onSaveAll={noop} />)).toContain('‘1O6.40’ is not a number');
  });
});
