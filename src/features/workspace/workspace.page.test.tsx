import { describe, expect, it } from 'vitest';
import { findLanguage, translator } from '../../i18n/index.js';
import { makePageContext, type PageContext } from '../../web/page.js';
import { renderPage } from '../../web/render.js';
import type { Organisation } from '../organisations/index.js';
import { WorkspaceHomePage } from './workspace.page.js';

const assets: PageContext['assets'] = { url: (name) => `/static/${name}`, bytes: () => Buffer.alloc(0) };

function render(code: string, isAdmin: boolean, organisations: Organisation[] = []): string {
  const page = makePageContext({
    lang: findLanguage(code)!,
    t: translator(code),
    path: '/hantera',
    search: '',
    assets,
    today: '2026-11-26',
    publicUrl: 'http://tillsammans.test',
    signedIn: { name: 'Test', email: 'test@example.se', isAdmin, isEditor: !isAdmin, isTranslator: false, isGuide: false },
  });
  return renderPage(page, <WorkspaceHomePage organisations={organisations} isAdmin={isAdmin} />);
}

describe('the workspace index without organisations', () => {
  it('tells an editor to ask the coordinator, and shows the coordinator the way to all organisations instead', () => {
    const editor = render('sv', false);
    expect(editor).toContain('Be samordnaren bjuda in dig');
    expect(editor).not.toContain('/admin/organisationer');
    const coordinator = render('sv', true);
    expect(coordinator).not.toContain('Be samordnaren bjuda in dig');
    expect(coordinator).toContain('href="/admin/organisationer"');
    expect(coordinator).toContain('Du är samordnare.');
    const arabic = render('ar', true);
    expect(arabic).toContain('href="/ar/admin/organisationer"');
    expect(arabic).not.toContain(translator('ar')('workspace.home.none'));
  });
});
