import { useTranslation } from 'react-i18next';
import { useNotify } from '../../../components/useNotify.js';
import { ParticipantForm } from '../ParticipantForm.js';
import type { ParticipantTabProps } from './types.js';

/** Stammdaten: the person's fields, edited with the same form and schema as on creation. */
export function StammdatenTab({ participant, reload }: ParticipantTabProps) {
  const { t } = useTranslation('participants');
  const notify = useNotify();
  return (
    <ParticipantForm
      key={participant.updatedAt}
      participant={participant}
      onSaved={() => {
        notify.success(t('saved'));
        reload();
      }}
    />
  );
}
