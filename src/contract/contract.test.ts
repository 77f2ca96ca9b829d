import { expect } from '@open-wc/testing';
import { Comment, CommentPage, Counts, ErrorBody, lengthOf, limits, messagesFor, validateNewComment, validationMessages } from './index.js';

const valid = {
  page: '/review',
  section: 'intro',
  name: '  Ada Lovelace ',
  email: ' ada@example.com ',
  body: '\n A comment. \n',
  visibility: 'public',
};

describe('contract: a new comment', () => {
  it('accepts a valid comment and trims its text', () => {
    const result = validateNewComment(valid);
    expect(result.success).to.equal(true);
    if (result.success) {
      expect(result.data.name).to.equal('Ada Lovelace');
      expect(result.data.email).to.equal('ada@example.com');
      expect(result.data.body).to.equal('A comment.');
    }
  });

  it('refuses each field with a code, and words the codes as GOV.UK messages', () => {
    const result = validateNewComment({ page: '/review', section: 'intro', name: ' ', email: 'nope', body: '', visibility: 'shout' });
    expect(result.success).to.equal(false);
    if (result.success) return;
    expect(result.codes).to.deep.equal({ name: 'missing', email: 'invalid', body: 'missing', visibility: 'missing' });
    expect(messagesFor(result.codes)).to.deep.equal({
      name: 'Enter your name',
      email: 'Enter an email address in the correct format, like name@example.com',
      body: 'Enter your comment',
      visibility: 'Select whether to publish your comment, publish it without your name, or send it privately',
    });
  });

  it('holds names to 100 characters, emails to 254 and comments to 5,000 after trimming', () => {
    const at = (overrides: object) => validateNewComment({ ...valid, ...overrides });
    expect(at({ name: 'n'.repeat(limits.nameMax) }).success).to.equal(true);
    expect(at({ name: 'n'.repeat(limits.nameMax + 1) })).to.deep.equal({ success: false, codes: { name: 'tooLong' } });
    const email = `${'e'.repeat(limits.emailMax - '@example.com'.length)}@example.com`;
    expect(at({ email }).success).to.equal(true);
    expect(at({ email: `e${email}` })).to.deep.equal({ success: false, codes: { email: 'tooLong' } });
    expect(at({ body: `  ${'b'.repeat(limits.bodyMax)}  ` }).success).to.equal(true);
    expect(at({ body: 'b'.repeat(limits.bodyMax + 1) })).to.deep.equal({ success: false, codes: { body: 'tooLong' } });
    expect(at({ email: '' })).to.deep.equal({ success: false, codes: { email: 'missing' } });
  });

  it('counts what a reader types as the reader sees it: an emoji is one character, however it is made', () => {
    expect(['😀', '🇬🇧', '👨‍👩‍👧', 'é', 'e\u0301'].map(lengthOf)).to.deep.equal([1, 1, 1, 1, 1]);
    expect(lengthOf('Pont-y-pŵl 👨‍👩‍👧')).to.equal(12);
    const at = (overrides: object) => validateNewComment({ ...valid, ...overrides });
    expect(at({ body: '🇬🇧'.repeat(limits.bodyMax) }).success).to.equal(true);
    expect(at({ body: '🇬🇧'.repeat(limits.bodyMax + 1) })).to.deep.equal({ success: false, codes: { body: 'tooLong' } });
    expect(at({ name: '👨‍👩‍👧'.repeat(limits.nameMax), organisation: '👨‍👩‍👧'.repeat(limits.organisationMax) }).success).to.equal(true);
  });

  it('asks whom a response comes from only where the consultation asks, and the organisation’s name only of one', () => {
    expect(validateNewComment(valid).success, 'nothing asked, nothing needed').to.equal(true);
    expect(validateNewComment(valid, { askOrganisation: true })).to.deep.equal({ success: false, codes: { respondent: 'missing' } });
    expect(validateNewComment({ ...valid, respondent: 'individual' }, { askOrganisation: true }).success).to.equal(true);
    expect(validateNewComment({ ...valid, respondent: 'organisation', organisation: ' ' })).to.deep.equal({
      success: false,
      codes: { organisation: 'missing' },
    });
    expect(
      validateNewComment({ ...valid, respondent: 'organisation', organisation: 'o'.repeat(limits.organisationMax + 1) }),
    ).to.deep.equal({
      success: false,
      codes: { organisation: 'tooLong' },
    });
    const both = validateNewComment({ ...valid, name: '', respondent: 'organisation' }, { askOrganisation: true });
    expect(both, 'every problem at once').to.deep.equal({ success: false, codes: { name: 'missing', organisation: 'missing' } });
    const result = validateNewComment({
      ...valid,
      respondent: 'organisation',
      organisation: ' Riverside Cyclists ',
      visibility: 'anonymous',
      lang: 'cy',
    });
    expect(result.success && [result.data.organisation, result.data.visibility, result.data.lang]).to.deep.equal([
      'Riverside Cyclists',
      'anonymous',
      'cy',
    ]);
    expect(validateNewComment({ ...valid, lang: 'fr' }).success, 'English or Welsh').to.equal(false);
  });

  it('words the respondent’s questions in English and in Welsh', async () => {
    const { cy } = await import('../i18n/cy/reader.js');
    const codes = { respondent: 'missing', organisation: 'missing' };
    expect(messagesFor(codes)).to.deep.equal({
      respondent: 'Select whether you are responding as an individual or on behalf of an organisation',
      organisation: 'Enter the name of your organisation',
    });
    expect(messagesFor(codes, cy.validation)).to.deep.equal({
      respondent: 'Dewiswch a ydych yn ymateb fel unigolyn neu ar ran sefydliad',
      organisation: 'Rhowch enw eich sefydliad',
    });
    expect(messagesFor({ organisation: 'tooLong' }, cy.validation)).to.deep.equal({
      organisation: 'Rhaid i enw’r sefydliad fod yn 200 nod neu lai',
    });
  });

  it('has an English message for every code', () => {
    for (const [field, byCode] of Object.entries(validationMessages)) {
      for (const message of Object.values(byCode)) expect(message, field).to.be.a('string').and.not.equal('');
    }
  });
});

describe('contract: what the public sees', () => {
  const stored = {
    id: 'c1',
    page: '/review',
    section: 'intro',
    parentId: null,
    name: 'Ada',
    body: 'Hello',
    createdAt: '2026-03-01T10:00:00.000Z',
    status: 'published',
    email: 'ada@example.com',
    ipAddress: '192.0.2.1',
  };

  it('keeps only the public fields of a comment, never an email or an address', () => {
    const parsed = Comment.parse(stored);
    expect(parsed).not.to.have.property('email');
    expect(parsed).not.to.have.property('ipAddress');
    expect(Object.keys(parsed).sort()).to.deep.equal(['body', 'createdAt', 'id', 'name', 'page', 'parentId', 'section', 'status']);
  });

  it('refuses answers of the wrong shape', () => {
    expect(Comment.safeParse({ ...stored, createdAt: 'yesterday' }).success).to.equal(false);
    expect(Comment.safeParse({ ...stored, status: 'visible' }).success).to.equal(false);
    expect(CommentPage.safeParse({ comments: [stored], nextCursor: null, total: -1 }).success).to.equal(false);
    expect(CommentPage.safeParse({ comments: [stored], nextCursor: null, total: 1 }).success).to.equal(true);
    expect(Counts.safeParse({ page: '/review', counts: { intro: 2.5 } }).success).to.equal(false);
    expect(Counts.safeParse({ page: '/review', counts: { intro: 2 } }).success).to.equal(true);
    expect(ErrorBody.safeParse({ error: 'validation', fields: { name: 'Enter your name' } }).success).to.equal(true);
  });
});
