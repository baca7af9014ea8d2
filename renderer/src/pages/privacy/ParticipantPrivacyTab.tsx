import type { ParticipantTabProps } from '../participants/tabs/types.js';
import { ConsentPanel } from './ConsentPanel.js';

/**
 * The "Datenschutz" tab of a person, ready for the participants tab registry
 * (`{ key: 'datenschutz', Component: ParticipantPrivacyTab }` plus the label participants:tabs.datenschutz).
 */
export function ParticipantPrivacyTab({ participant, reload }: ParticipantTabProps) {
  return <ConsentPanel participantId={participant.id} onAnonymised={reload} />;
}
