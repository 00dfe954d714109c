import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Numbers shown on their own (counts in badges) formatted for the UI language, like those in strings. */
export function useFormatNumber(): (value: number) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.NumberFormat(i18n.language);
    return (value: number) => format.format(value);
  }, [i18n.language]);
}
