import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Block } from '../../../src/core/article/article';
import { parsePlainTextArticle } from '../../../src/core/article/parse-text';
import { readCorrections, readPersonalLists } from '../../../src/core/entities/correction-store';
import type { TagOptions, TagResult } from '../../../src/core/entities/entities';
import { buildReaderEntities, mentionsFromTagResult } from '../../../src/core/entities/reader-entities';
import { readEntityDisplay, readHiddenTypes } from '../../../src/core/entities/entity-display-store';
import { EntitiesPanel } from '../../../src/features/entities/EntitiesPanel';
import { EntityCard } from '../../../src/features/entities/EntityCard';
import { EntityLegend } from '../../../src/features/entities/EntityLegend';
import { createEntityFocusStore } from '../../../src/features/entities/entity-focus';
import { setTagger } from '../../../src/features/entities/tagger-instance';
import { useEntitiesFeature } from '../../../src/features/entities/use-entities-feature';
import { ReaderView } from '../../../src/features/reader/ReaderView';
import { createReaderHandle, ReaderHandleProvider } from '../../../src/shared/reader-handle';
import { renderWithApp } from '../../helpers/render';

const article = parsePlainTextArticle(
  `الخميس 19 Sep / September 2024

بوتين يهاتف رئيسي

أجرى الرئيس فلاديمير بوتين اتصالا بنظيره إبراهيم رئيسي في طهران.

وقال بوتين إن التعاون مع طهران مستمر.

المصادر:
العربي`,
  { id: 'sample' },
);

/** A fake tagger: marks the given words wherever they appear (as whole substrings). */
function fakeTag(texts: readonly string[], options: TagOptions = {}): TagResult {
  const words: Array<[string, TagResult['mentions'][number]['type'], string]> = [
    ['بوتين', 'PERS', 'PERS:بوتين'],
    ['إبراهيم رئيسي', 'PERS', 'PERS:ابراهيم رييسي'],
    ['طهران', 'LOC', 'LOC:طهران'],
    ...(options.names ?? []).map((n) => [n.text, n.type, `${n.type}:${n.text}`] as [string, typeof n.type, string]),
  ];
  const mentions: TagResult['mentions'] = [];
  texts.forEach((text, block) => {
    for (const [word, type, key] of words) {
      if ((options.nonNames ?? []).includes(word)) continue;
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
        // The tagger is unsure of طهران (below CONFIDENT_NAME), sure of the rest.
        mentions.push({ block, start: at, end: at + word.length, type, text: word, key, source: 'model', confidence: word === 'طهران' ? 0.55 : 0.97 });
      }
    }
  });
  return { mentions, entities: [] };
}

function installTagger() {
  const tag = vi.fn(async (texts: readonly string[], options?: TagOptions) => fakeTag(texts, options));
  setTagger({ tag, dispose: () => {} });
  return tag;
}

afterEach(() => setTagger(null));

const model = buildReaderEntities(article.blocks, mentionsFromTagResult(article.blocks, fakeTag(article.blocks.map((b: Block) => b.text))));

describe('EntityLegend', () => {
  it('shows one switch for all names, then a count and a pressed toggle per type the article mentions', async () => {
    const onToggle = vi.fn();
    const onToggleAll = vi.fn();
    await renderWithApp(<EntityLegend counts={model.mentionCounts} hidden={['LOC']} onToggle={onToggle} namesOn onToggleAll={onToggleAll} />, { language: 'en' });
    const person = screen.getByRole('button', { name: /Person/ });
    expect(person).toHaveAttribute('aria-pressed', 'true');
    expect(within(person).getByText('4')).toHaveAttribute('aria-label', '4 mentions');
    const place = screen.getByRole('button', { name: /Place/ });
    expect(place).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(place);
    expect(onToggle).toHaveBeenCalledWith('LOC');
    // Only people and places are mentioned: no chip for the other three types.
    expect(screen.getAllByRole('button').map((b) => b.getAttribute('data-type') ?? b.getAttribute('data-action'))).toEqual(['toggle-entities', 'PERS', 'LOC']);
    const all = screen.getByRole('button', { name: 'All names' });
    expect(all).toHaveAttribute('aria-pressed', 'true');
    expect(all).toHaveAttribute('aria-keyshortcuts', 'e');
    fireEvent.click(all);
    expect(onToggleAll).toHaveBeenCalledOnce();
  });

  it('keeps every chip (with a dash) until the tagger answers, and disables them while all names are off', async () => {
    await renderWithApp(<EntityLegend counts={null} hidden={[]} onToggle={() => {}} namesOn={false} onToggleAll={() => {}} />, { language: 'en' });
    expect(document.querySelectorAll('[data-action="toggle-entity-type"]')).toHaveLength(5);
    expect(screen.getByRole('button', { name: 'All names' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('button', { name: /Person/ })).toBeDisabled();
  });

  it('uses Arabic plural forms', async () => {
    await renderWithApp(<EntityLegend counts={{ PERS: 2, LOC: 0, ORG: 1, MISC: 3, DATE: 11 }} hidden={[]} onToggle={() => {}} namesOn onToggleAll={() => {}} />, { language: 'ar' });
    expect(screen.getByLabelText('ذُكر مرتين')).toHaveTextContent('2');
    expect(screen.getByLabelText('ذُكر 3 مرات')).toBeInTheDocument();
    expect(screen.getByLabelText('ذُكر 11 مرة')).toBeInTheDocument();
    expect(screen.queryByLabelText('لم يُذكر')).toBeNull();
  });
});

describe('EntityCard', () => {
  it('names the entity, counts and steps through its mentions, links Wikipedia and offers corrections', async () => {
    const focus = createEntityFocusStore();
    focus.set({ key: 'PERS:بوتين', index: 0, card: true });
    const onCorrect = vi.fn();
    await renderWithApp(<EntityCard model={model} focus={focus} corrections={[]} onCorrect={onCorrect} onRemoveCorrection={() => {}} />, { language: 'en' });
    const card = screen.getByRole('dialog', { name: 'بوتين' });
    expect(card).toHaveTextContent('Person');
    expect(card).toHaveTextContent('3 mentions');
    expect(card).toHaveTextContent('1 of 3');
    const wiki = within(card).getByRole('link', { name: 'Search Wikipedia' });
    expect(wiki).toHaveAttribute('href', expect.stringContaining('https://ar.wikipedia.org/w/index.php?search='));
    expect(wiki).toHaveAttribute('target', '_blank');
    expect(wiki).toHaveAttribute('rel', 'noopener noreferrer');
    fireEvent.click(within(card).getByRole('button', { name: 'Previous' }));
    expect(focus.get()).toEqual({ key: 'PERS:بوتين', index: 2, card: true });
    expect(await screen.findByText('3 of 3')).toBeInTheDocument();
    fireEvent.click(within(card).getByRole('checkbox', { name: 'In every article' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Place' }));
    expect(onCorrect).toHaveBeenCalledWith(expect.objectContaining({ kind: 'retype', type: 'LOC', everywhere: true }));
    expect(within(card).queryByRole('button', { name: 'Person' })).toBeNull();
    fireEvent.click(within(card).getByRole('button', { name: 'Not a name' }));
    expect(onCorrect).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'remove' }));
    expect(within(card).queryByRole('button', { name: 'Remove correction' })).toBeNull();
    act(() => focus.set(null));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('offers no Wikipedia search for a date', async () => {
    const dated = parsePlainTextArticle('عنوان\n\nأجرى الرئيس اتصالا اليوم السبت بنظيره.', { id: 'dated' });
    const text = dated.blocks[1]!.text;
    const at = text.indexOf('اليوم السبت');
    const dateModel = buildReaderEntities(
      dated.blocks,
      mentionsFromTagResult(dated.blocks, { mentions: [{ block: 1, start: at, end: at + 11, type: 'DATE', text: 'اليوم السبت', key: 'DATE:اليوم السبت', source: 'rules', confidence: 1 }], entities: [] }),
    );
    const focus = createEntityFocusStore();
    focus.set({ key: 'DATE:اليوم السبت', index: 0, card: true });
    await renderWithApp(<EntityCard model={dateModel} focus={focus} corrections={[]} onCorrect={() => {}} onRemoveCorrection={() => {}} />, { language: 'en' });
    const card = screen.getByRole('dialog', { name: 'اليوم السبت' });
    expect(card).toHaveTextContent('Date');
    expect(within(card).queryByRole('link', { name: 'Search Wikipedia' })).toBeNull();
  });
});

describe('EntitiesPanel', () => {
  it('groups by type, most mentioned first, filters regardless of diacritics and clitics, steps through mentions', async () => {
    const focus = createEntityFocusStore();
    await renderWithApp(
      <EntitiesPanel model={model} status="success" focus={focus} markHeadings={false} onMarkHeadings={() => {}} confidentOnly={false} onConfidentOnly={() => {}} corrections={[]} validIds={new Set()} onRemoveCorrection={() => {}} onClose={() => {}} />,
      { language: 'en' },
    );
    // The legend (with its mention counts) is above the article, not repeated here.
    expect(document.querySelector('[data-entities-panel] [data-entity-legend]')).toBeNull();
    const groups = document.querySelectorAll('[data-entity-group]');
    expect([...groups].map((g) => g.getAttribute('data-entity-group'))).toEqual(['PERS', 'LOC']);
    const people = within(groups[0] as HTMLElement).getAllByRole('button', { pressed: false });
    expect(people.map((b) => b.textContent)).toEqual(['بوتين3', 'إبراهيم رئيسي1']);
    fireEvent.click(people[0]!);
    expect(focus.get()).toEqual({ key: 'PERS:بوتين', index: 0, card: false });
    const item = document.querySelector('[data-entity-item="PERS:بوتين"]') as HTMLElement;
    fireEvent.click(await within(item).findByRole('button', { name: 'Next' }));
    expect(focus.get()?.index).toBe(1);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter names' }), { target: { value: 'وابراهيم' } });
    await waitFor(() => expect(document.querySelectorAll('[data-entity-item]')).toHaveLength(1));
    expect(document.querySelector('[data-entity-item]')).toHaveTextContent('إبراهيم رئيسي');
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'بطَهران' } });
    await waitFor(() => expect(document.querySelector('[data-entity-item]')).toHaveTextContent('طهران'));
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'لندن' } });
    expect(await screen.findByText('No matching names.')).toBeInTheDocument();
  });

  it('says when names are being found', async () => {
    await renderWithApp(
      <EntitiesPanel model={null} status="pending" focus={createEntityFocusStore()} markHeadings={false} onMarkHeadings={() => {}} confidentOnly={false} onConfidentOnly={() => {}} corrections={[]} validIds={new Set()} onRemoveCorrection={() => {}} onClose={() => {}} />,
      { language: 'en' },
    );
    expect(screen.getByText('Finding names…')).toBeInTheDocument();
  });
});

function Reader() {
  const [open, setOpen] = useState(false);
  const [reader] = useState(createReaderHandle);
  const f = useEntitiesFeature(article, reader, { open, toggle: () => setOpen((o) => !o), close: () => setOpen(false) });
  return (
    <ReaderHandleProvider value={reader}>
      {f.action}
      <ReaderView
        reader={reader}
        article={article}
        decorations={f.decorations}
        hiddenEntityTypes={f.hiddenTypes}
        entitiesOff={!f.display.namesOn}
        notices={f.legend}
      />
      {open && f.panel}
      {f.overlay}
    </ReaderHandleProvider>
  );
}

describe('entities in the reader', () => {
  it('marks arrive after the text, types toggle and are remembered, a mention opens its card, corrections stick', async () => {
    installTagger();
    const { store, container } = await renderWithApp(<Reader />, { language: 'en' });
    const articleEl = container.querySelector('article')!;
    expect(articleEl).toHaveTextContent('فلاديمير بوتين');
    // Four mentions of people, one of them in the headline, which is left plain.
    await waitFor(() => expect(container.querySelectorAll('mark[data-entity-type="PERS"]')).toHaveLength(3));
    expect(container.querySelectorAll('mark[data-entity-id="LOC:طهران"]')).toHaveLength(2);

    fireEvent.click(container.querySelector('.entity-legend-bar [data-type="PERS"]')!);
    await waitFor(() => expect(articleEl).toHaveAttribute('data-hide-types', 'PERS'));
    expect(readHiddenTypes(store)).toEqual(['PERS']);

    const tehran = container.querySelector<HTMLElement>('mark[data-entity-id="LOC:طهران"]')!;
    fireEvent.keyDown(tehran, { key: 'Enter' });
    const card = await screen.findByRole('dialog', { name: 'طهران' });
    fireEvent.click(within(card).getByRole('button', { name: 'Organisation' }));
    await waitFor(() => expect(container.querySelectorAll('mark[data-entity-type="ORG"]')).toHaveLength(1));
    expect(readCorrections(store, 'sample')).toEqual([expect.objectContaining({ kind: 'retype', type: 'ORG', text: 'طهران', scope: 'article' })]);
    expect(container.querySelectorAll('mark[data-entity-id="LOC:طهران"]')).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: /Names/ }));
    const corrected = document.querySelector('[data-entity-item="ORG:طهران"]')!;
    expect(corrected).toHaveAttribute('data-from-reader', 'true');
    fireEvent.click(within(document.querySelector('[data-corrections]') as HTMLElement).getByRole('button', { name: 'Remove correction' }));
    await waitFor(() => expect(container.querySelectorAll('mark[data-entity-id="LOC:طهران"]')).toHaveLength(2));
    expect(readCorrections(store, 'sample')).toEqual([]);
  });

  it('"in every article" puts the name in the personal lists and re-tags with them', async () => {
    const tag = installTagger();
    const { store, container } = await renderWithApp(<Reader />, { language: 'en' });
    await waitFor(() => expect(container.querySelectorAll('mark.entity')).not.toHaveLength(0));
    const tehran = container.querySelector<HTMLElement>('mark[data-entity-id="LOC:طهران"]')!;
    fireEvent.click(tehran);
    const card = await screen.findByRole('dialog');
    fireEvent.click(within(card).getByRole('checkbox', { name: 'In every article' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Not a name' }));
    await waitFor(() => expect(container.querySelectorAll('mark[data-entity-id="LOC:طهران"]')).toHaveLength(0));
    expect(readPersonalLists(store)).toEqual({ names: [], nonNames: ['طهران'] });
    await waitFor(() => expect(tag).toHaveBeenLastCalledWith(expect.any(Array), { names: [], nonNames: ['طهران'] }));
  });
});

describe('all names, headings and the chosen entity', () => {
  it('`e` and the legend switch all names off and on, remembered; headline names are plain unless asked for in the panel', async () => {
    installTagger();
    const { store, container } = await renderWithApp(<Reader />, { language: 'en' });
    const articleEl = container.querySelector('article')!;
    await waitFor(() => expect(container.querySelectorAll('mark.entity')).not.toHaveLength(0));
    // The headline (بوتين يهاتف رئيسي) is not marked by default.
    expect(container.querySelectorAll('h1 mark.entity')).toHaveLength(0);
    expect(articleEl).not.toHaveAttribute('data-entities-off');
    fireEvent.keyDown(articleEl, { key: 'e', code: 'KeyE' });
    await waitFor(() => expect(articleEl).toHaveAttribute('data-entities-off'));
    expect(readEntityDisplay(store)).toEqual({ namesOn: false, markHeadings: false, confidentOnly: false });
    // A click on a switched-off mark opens nothing.
    fireEvent.click(container.querySelector('mark[data-entity-id="LOC:طهران"]')!);
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'All names' }));
    await waitFor(() => expect(articleEl).not.toHaveAttribute('data-entities-off'));
    // Typing in a field is not a shortcut.
    const input = document.createElement('input');
    document.body.append(input);
    fireEvent.keyDown(input, { key: 'e', code: 'KeyE' });
    expect(articleEl).not.toHaveAttribute('data-entities-off');
    input.remove();

    fireEvent.click(container.querySelector('[data-action="toggle-entities-panel"]')!);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Mark names in the headline and headings' }));
    await waitFor(() => expect(container.querySelectorAll('h1 mark.entity')).toHaveLength(1));
    expect(readEntityDisplay(store).markHeadings).toBe(true);
  });

  it('shows only the names the tagger is sure of when the reader asks, and remembers it', async () => {
    installTagger();
    const { store, container } = await renderWithApp(<Reader />, { language: 'en' });
    await waitFor(() => expect(container.querySelectorAll('mark[data-entity-id="LOC:طهران"]')).not.toHaveLength(0));
    fireEvent.click(container.querySelector('[data-action="toggle-entities-panel"]')!);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Only confident names' }));
    await waitFor(() => expect(container.querySelectorAll('mark[data-entity-id="LOC:طهران"]')).toHaveLength(0));
    expect(container.querySelectorAll('mark[data-entity-id="PERS:بوتين"]')).not.toHaveLength(0);
    expect(document.querySelector('[data-entity-item="LOC:طهران"]')).toBeNull();
    expect(readEntityDisplay(store).confidentOnly).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Only confident names' }));
    await waitFor(() => expect(container.querySelectorAll('mark[data-entity-id="LOC:طهران"]')).not.toHaveLength(0));
    expect(readEntityDisplay(store).confidentOnly).toBe(false);
  });

  it('clears the chosen entity when the names panel closes and when all names are switched off', async () => {
    installTagger();
    const { container } = await renderWithApp(<Reader />, { language: 'en' });
    await waitFor(() => expect(container.querySelectorAll('mark.entity')).not.toHaveLength(0));
    const openPanel = () => fireEvent.click(container.querySelector('[data-action="toggle-entities-panel"]')!);
    const chosen = () => document.querySelector('[data-entity-item] .entities-panel__entity[aria-pressed="true"]');
    openPanel();
    fireEvent.click(document.querySelector('[data-entity-item="PERS:بوتين"] button')!);
    expect(chosen()).not.toBeNull();
    openPanel(); // closes it
    openPanel();
    expect(chosen()).toBeNull();
    fireEvent.click(document.querySelector('[data-entity-item="PERS:بوتين"] button')!);
    expect(chosen()).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'All names' }));
    await waitFor(() => expect(chosen()).toBeNull());
  });
});

describe('when the tagger fails', () => {
  it('the article still reads and the legend says names could not be found', async () => {
    setTagger({ tag: () => Promise.reject(new Error('no worker')), dispose: () => {} });
    const { container } = await renderWithApp(<Reader />, { language: 'en' });
    expect(container.querySelector('article')).toHaveTextContent('فلاديمير بوتين');
    expect(await screen.findByText('Names could not be found in this article.')).toBeInTheDocument();
    expect(container.querySelectorAll('mark.entity')).toHaveLength(0);
  });
});
