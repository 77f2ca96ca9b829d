import type { AuditAction } from '../contract/audit.js';

/** The fields of a consultation, as a change to it is listed in the audit log. */
type ConsultationField =
  | 'title'
  | 'opensAt'
  | 'closesAt'
  | 'department'
  | 'askOrganisation'
  | 'contactEmail'
  | 'showAnswerCounts'
  | 'sections';

/** The strings of the console's audit log and of who is signed in, in one language. */
export interface AuditConsoleStrings {
  signedInAs: (name: string) => string;
  administrator: string;
  /**
   * A name as the log shows it: a person's as it is, and the names the server itself acts under
   * (the holder of MODERATOR_TOKEN, the command line, the demonstration's seeding, readers' reports)
   * in this language.
   */
  nameOf: (name: string) => string;
  auditView: string;
  heading: string;
  intro: string;
  filtersHeading: string;
  moderatorLabel: string;
  actionLabel: string;
  responseLabel: string;
  responseHint: string;
  loading: string;
  loadFailed: string;
  none: string;
  shown: (shown: number, total: number) => string;
  showMore: string;
  download: string;
  downloadFailed: string;
  tableCaption: string;
  columns: { at: string; moderator: string; action: string; response: string; from: string; to: string };
  actions: Record<AuditAction, string>;
  /** What an erasure removed, in place of its from and to. */
  erasedDetails: string;
  deleted: string;
  onPage: (page: string, section: string | null) => string;
  fields: Record<ConsultationField, string>;
  yes: string;
  no: string;
  sectionsCount: (n: number) => string;
}

const number = (n: number) => n.toLocaleString('en-GB');

export const auditConsoleEn: AuditConsoleStrings = {
  signedInAs: (name) => `Signed in as ${name}`,
  administrator: 'administrator',
  nameOf: (name) => name,
  auditView: 'Audit log',
  heading: 'Audit log',
  intro: 'Every moderation action: who did it, when, to which response, and what it changed. Entries cannot be changed or removed.',
  filtersHeading: 'Filter the audit log',
  moderatorLabel: 'Moderator',
  actionLabel: 'Action',
  responseLabel: 'Response',
  responseHint: 'Its reference, such as CC-7K3M-Q9TX, or its id',
  loading: 'Loading the audit log…',
  loadFailed: 'The audit log could not be loaded.',
  none: 'No entries match these filters.',
  shown: (shown, total) => `Showing ${number(shown)} of ${number(total)} ${total === 1 ? 'entry' : 'entries'}`,
  showMore: 'Show more entries',
  download: 'Download these entries (CSV)',
  downloadFailed: 'The audit log could not be downloaded. Try again.',
  tableCaption: 'Moderation actions, newest first',
  columns: { at: 'When', moderator: 'Who', action: 'What', response: 'Response', from: 'From', to: 'To' },
  actions: {
    status: 'Changed the status',
    delete: 'Deleted a response',
    erase: 'Erased a person’s data',
    'official-response': 'Published an official response',
    outcome: 'Published an outcome',
    consultation: 'Saved a consultation',
    'moderator-added': 'Added a moderator',
    'moderator-removed': 'Removed a moderator',
  },
  erasedDetails: 'Name, email address and organisation removed',
  deleted: 'Deleted',
  onPage: (page, section) => (section ? `${page}, section ${section}` : page),
  fields: {
    title: 'Title',
    opensAt: 'Opens',
    closesAt: 'Closes',
    department: 'Department',
    askOrganisation: 'Asks about organisations',
    contactEmail: 'Contact',
    showAnswerCounts: 'Shows answer counts after closing',
    sections: 'Sections',
  },
  yes: 'Yes',
  no: 'No',
  sectionsCount: (n) => `${number(n)} ${n === 1 ? 'section' : 'sections'}`,
};

export const auditConsoleCy: AuditConsoleStrings = {
  signedInAs: (name) => `Wedi mewngofnodi fel ${name}`,
  administrator: 'gweinyddwr',
  nameOf: (name) =>
    ({
      Administrator: 'Gweinyddwr',
      'Command line': 'Llinell orchymyn',
      'Demonstration seed': 'Hadu’r arddangosiad',
      'Readers’ reports': 'Adroddiadau darllenwyr',
    })[name] ?? name,
  auditView: 'Log archwilio',
  heading: 'Log archwilio',
  intro: 'Pob cam cymedroli: pwy a’i gwnaeth, pryd, i ba ymateb, a beth a newidiodd. Nid oes modd newid na dileu cofnodion.',
  filtersHeading: 'Hidlo’r log archwilio',
  moderatorLabel: 'Cymedrolwr',
  actionLabel: 'Cam',
  responseLabel: 'Ymateb',
  responseHint: 'Ei gyfeirnod, fel CC-7K3M-Q9TX, neu ei rif adnabod',
  loading: 'Wrthi’n llwytho’r log archwilio…',
  loadFailed: 'Nid oedd modd llwytho’r log archwilio.',
  none: 'Nid oes cofnodion sy’n cyfateb i’r hidlwyr hyn.',
  shown: (shown, total) => `Yn dangos ${number(shown)} o ${number(total)} o gofnodion`,
  showMore: 'Dangos rhagor o gofnodion',
  download: 'Lawrlwytho’r cofnodion hyn (CSV)',
  downloadFailed: 'Nid oedd modd lawrlwytho’r log archwilio. Rhowch gynnig arall arni.',
  tableCaption: 'Camau cymedroli, y diweddaraf yn gyntaf',
  columns: { at: 'Pryd', moderator: 'Pwy', action: 'Beth', response: 'Ymateb', from: 'O', to: 'I' },
  actions: {
    status: 'Newidiodd y statws',
    delete: 'Dileodd ymateb',
    erase: 'Dileodd ddata person',
    'official-response': 'Cyhoeddodd ymateb swyddogol',
    outcome: 'Cyhoeddodd ganlyniad',
    consultation: 'Cadwodd ymgynghoriad',
    'moderator-added': 'Ychwanegodd gymedrolwr',
    'moderator-removed': 'Tynnodd gymedrolwr',
  },
  erasedDetails: 'Enw, cyfeiriad e-bost a sefydliad wedi’u dileu',
  deleted: 'Wedi’i ddileu',
  onPage: (page, section) => (section ? `${page}, adran ${section}` : page),
  fields: {
    title: 'Teitl',
    opensAt: 'Yn agor',
    closesAt: 'Yn cau',
    department: 'Adran',
    askOrganisation: 'Yn holi am sefydliadau',
    contactEmail: 'Cyswllt',
    showAnswerCounts: 'Yn dangos nifer yr atebion ar ôl cau',
    sections: 'Adrannau',
  },
  yes: 'Ydy',
  no: 'Nac ydy',
  sectionsCount: (n) => `${number(n)} ${n === 1 ? 'adran' : 'o adrannau'}`,
};
