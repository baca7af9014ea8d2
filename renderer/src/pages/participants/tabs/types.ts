import type { ComponentType } from 'react';
import type { Participant } from '../../../../../shared/domain/participants.js';

/** What every tab of the detail view gets: the person and a way to reload them after a change. */
export interface ParticipantTabProps {
  participant: Participant;
  reload: () => void;
}

export interface ParticipantTab {
  /** URL segment under /teilnehmende/:id/ and i18n key under participants:tabs.* */
  key: string;
  Component: ComponentType<ParticipantTabProps>;
}
