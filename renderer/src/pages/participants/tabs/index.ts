import { ParticipantActivitiesTab } from '../../activities/ParticipantActivitiesTab.js';
import { ParticipantContactsTab } from '../../fairs/ParticipantContactsTab.js';
import { ParticipantOutcomesTab } from '../../fairs/ParticipantOutcomesTab.js';
import { NotesTab } from '../../notes/NotesTab.js';
import { PersonDocumentsTab } from '../../person-documents/PersonDocumentsTab.js';
import { ParticipantPlacementsTab } from '../../placements/ParticipantPlacementsTab.js';
import { ParticipantPrivacyTab } from '../../privacy/ParticipantPrivacyTab.js';
import { byId } from './byId.js';
import { ProgrammeTab } from './ProgrammeTab.js';
import { StammdatenTab } from './StammdatenTab.js';
import type { ParticipantTab } from './types.js';
import { VerlaufTab } from './VerlaufTab.js';

/**
 * The tabs of a person, in order. A feature fills its tab with its own component (features that take only the
 * person's id are adapted with `byId`); the label comes from participants:tabs.<key>.
 */
export const participantTabs: ParticipantTab[] = [
  { key: 'stammdaten', Component: StammdatenTab },
  { key: 'programme', Component: ProgrammeTab },
  { key: 'agh', Component: byId(ParticipantPlacementsTab) },
  { key: 'aktivitaeten', Component: byId(ParticipantActivitiesTab) },
  { key: 'kontakte', Component: byId(ParticipantContactsTab) },
  { key: 'ergebnisse', Component: byId(ParticipantOutcomesTab) },
  { key: 'dokumente', Component: byId(PersonDocumentsTab) },
  { key: 'notizen', Component: byId(NotesTab) },
  { key: 'datenschutz', Component: ParticipantPrivacyTab },
  { key: 'verlauf', Component: VerlaufTab },
];
