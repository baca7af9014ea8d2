import { Badge, Button, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular, OpenRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { personDocumentKind, type PersonDocument, type PersonDocumentKind } from '../../../../shared/domain/person-documents.js';
import { downloadFile, invoke } from '../../api/client.js';
import { formatDate } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { announceRemindersChanged } from '../today/settleLink.js';
import { PersonDocumentDialog } from './PersonDocumentDialog.js';
import { todayIso } from '../../../../shared/domain/dates.js';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, alignItems: 'flex-start' } });

type Editing = { doc: PersonDocument | null; kind?: PersonDocumentKind } | null;

/** Tab „Dokumente“ of a person: residence documents, permits, agreements … with validity and an encrypted file. */
export function PersonDocumentsTab({ participantId }: { participantId: number }) {
  const styles = useStyles();
  const { t } = useTranslation('personDocuments');
  const notify = useNotify();
  const docs = useCall('personDocuments.list', { participantId });
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<Editing>(null);

  // a link from Heute names the document to edit (?edit=ID) or the kind to record (?new=kind)
  const linkedEdit = Number(params.get('edit'));
  const linkedNew = personDocumentKind.safeParse(params.get('new'));
  const linked: Editing =
    linkedEdit && docs.data ? { doc: docs.data.find((d) => d.id === linkedEdit) ?? null } : linkedNew.success ? { doc: null, kind: linkedNew.data } : null;
  const open = editing ?? linked;
  const close = (changed: boolean) => {
    setEditing(null);
    if (params.size > 0) setParams({}, { replace: true });
    if (changed) docs.reload();
  };

  async function openFile(id: number) {
    try {
      const f = await invoke('personDocuments.file', { id });
      await downloadFile(f.handle, f.name);
    } catch (err) {
      notify.failure(err);
    }
  }
  async function remove(id: number) {
    try {
      await invoke('personDocuments.delete', { id });
      notify.success(t('deleted'));
      announceRemindersChanged();
      docs.reload();
    } catch (err) {
      notify.failure(err);
    }
  }

  const today = todayIso();
  return (
    <div className={styles.root}>
      <Button icon={<AddRegular />} onClick={() => setEditing({ doc: null })}>
        {t('add')}
      </Button>
      {docs.data?.length === 0 && <Text>{t('empty')}</Text>}
      {docs.data && docs.data.length > 0 && (
        <Table aria-label={t('title')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('fields.kind')}</TableHeaderCell>
              <TableHeaderCell>{t('fields.number')}</TableHeaderCell>
              <TableHeaderCell>{t('fields.issuedBy')}</TableHeaderCell>
              <TableHeaderCell>{t('fields.validFrom')}</TableHeaderCell>
              <TableHeaderCell>{t('fields.validUntil')}</TableHeaderCell>
              <TableHeaderCell>{t('fields.file')}</TableHeaderCell>
              <TableHeaderCell />
            </TableRow>
          </TableHeader>
          <TableBody>
            {docs.data.map((d) => (
              <TableRow key={d.id}>
                <TableCell>{t(`kinds.${d.kind}`)}</TableCell>
                <TableCell>{d.number}</TableCell>
                <TableCell>{d.issuedBy}</TableCell>
                <TableCell>{formatDate(d.validFrom)}</TableCell>
                <TableCell>
                  {formatDate(d.validUntil)}{' '}
                  {d.validUntil !== null && d.validUntil < today && (
                    <Badge appearance="tint" color="danger">
                      {t('expired')}
                    </Badge>
                  )}
                </TableCell>
                <TableCell>
                  {d.file && (
                    <Button size="small" appearance="subtle" icon={<OpenRegular />} onClick={() => void openFile(d.id)}>
                      {d.file.name}
                    </Button>
                  )}
                </TableCell>
                <TableCell>
                  <Button size="small" appearance="subtle" icon={<EditRegular />} aria-label={t('edit')} onClick={() => setEditing({ doc: d })} />
                  <Button size="small" appearance="subtle" icon={<DeleteRegular />} aria-label={t('remove')} onClick={() => void remove(d.id)} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {open && <PersonDocumentDialog participantId={participantId} document={open.doc} initialKind={open.kind} onClose={close} />}
    </div>
  );
}
