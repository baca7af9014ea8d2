import { Route, Routes } from 'react-router';
import { NewParticipantPage } from './NewParticipantPage.js';
import { ParticipantDetail } from './ParticipantDetail.js';
import { ParticipantList } from './ParticipantList.js';

/** Teilnehmende: the list, a new person, and one person's detail view with tabs. */
export function ParticipantsPage() {
  return (
    <Routes>
      <Route index element={<ParticipantList />} />
      <Route path="neu" element={<NewParticipantPage />} />
      <Route path=":id/*" element={<ParticipantDetail />} />
    </Routes>
  );
}
