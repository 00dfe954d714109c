import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../../src/core/settings/settings-store';
import { SettingsMenu } from '../../../src/features/settings/SettingsMenu';
import { renderWithApp } from '../../helpers/render';

describe('SettingsMenu', () => {
  it('changes and remembers the theme, text size and line spacing', async () => {
    const { store } = await renderWithApp(<SettingsMenu />);
    fireEvent.click(screen.getByRole('button', { name: 'إعدادات القراءة' }));
    // The panel's code loads when the menu first opens.
    fireEvent.click(await screen.findByLabelText('داكن'));
    fireEvent.click(screen.getByRole('button', { name: 'تكبير الخط' }));
    fireEvent.click(screen.getByLabelText('واسع'));
    await waitFor(() => expect(readSettings(store)).toMatchObject({ theme: 'dark', textSizeIndex: 3, lineSpacing: 'relaxed' }));
  });

  it('shows the interface language in effect as chosen before the reader has chosen one', async () => {
    const { store } = await renderWithApp(<SettingsMenu />, { language: 'en' });
    expect(readSettings(store).uiLanguage).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Reading settings' }));
    await screen.findByRole('group', { name: 'Reading settings' });
    expect(document.querySelector('input[data-language="en"]')).toBeChecked();
    expect(document.querySelector('input[data-language="ar"]')).not.toBeChecked();
  });

  it('closes on Escape and gives focus back to its button', async () => {
    await renderWithApp(<SettingsMenu />);
    const button = screen.getByRole('button', { name: 'إعدادات القراءة' });
    fireEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();
  });
});
