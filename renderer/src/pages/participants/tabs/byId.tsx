import type { ComponentType } from 'react';
import type { ParticipantTabProps } from './types.js';

/** Adapts a feature's tab that needs only the person's id to the detail view's tab props. */
export function byId(Tab: ComponentType<{ participantId: number }>): ComponentType<ParticipantTabProps> {
  function ById({ participant }: ParticipantTabProps) {
    return <Tab participantId={participant.id} />;
  }
  ById.displayName = `ById(${Tab.name})`;
  return ById;
}
