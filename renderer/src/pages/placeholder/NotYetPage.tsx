import { MessageBar, MessageBarBody, MessageBarTitle, Title2 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** Shown for areas whose screens have not landed yet: says so plainly instead of pretending. */
export function NotYetPage({ titleKey }: { titleKey: string }) {
  const { t } = useTranslation();
  return (
    <section>
      <Title2 as="h1">{t(titleKey)}</Title2>
      <MessageBar intent="info" style={{ marginTop: 16 }}>
        <MessageBarBody>
          <MessageBarTitle>{t('states.notYet')}</MessageBarTitle>
          {t('states.notYetHint')}
        </MessageBarBody>
      </MessageBar>
    </section>
  );
}
