import { parseLogCommand } from '../../../../src/domain/actions';

const today = '2026-11-23';
const parse = (text: string) => parseLogCommand(text, { today });

describe('parseLogCommand', () => {
  it('reads the Finnish command of the issue', () => {
    expect(
      parse('kirjaa toimenpide: päivitetään hyvinvointisuunnitelma, vastuu Jyväskylä, määräaika 31.3.2027'),
    ).toEqual({
      kind: 'action',
      language: 'fi',
      title: 'päivitetään hyvinvointisuunnitelma',
      ownerText: 'Jyväskylä',
      dueDate: '2027-03-31',
      dueDateText: '31.3.2027',
      problems: [],
    });
  });

  it('reads Swedish', () => {
    const draft = parse('logga åtgärd: uppdatera välfärdsplanen, ansvar Karleby, deadline 31 mars 2027');
    expect(draft).toMatchObject({
      kind: 'action',
      language: 'sv',
      title: 'uppdatera välfärdsplanen',
      ownerText: 'Karleby',
      dueDate: '2027-03-31',
      problems: [],
    });
  });

  it('reads English, including a date with a comma in it', () => {
    expect(
      parse('log action: update the wellbeing plan, owner Aino Esimerkki, due 2027-03-31'),
    ).toMatchObject({
      kind: 'action',
      language: 'en',
      title: 'update the wellbeing plan',
      ownerText: 'Aino Esimerkki',
      dueDate: '2027-03-31',
    });
    expect(parse('log action: write the report, due March 31, 2027')).toMatchObject({
      title: 'write the report',
      dueDate: '2027-03-31',
      dueDateText: 'March 31, 2027',
      problems: [],
    });
  });

  it('keeps commas inside the title and accepts colons after field words', () => {
    expect(
      parse(
        'kirjaa toimenpide: selvitetään ruoka-apu, kuljetukset ja tilat; vastuu: KYT; määräaika: 15. tammikuuta 2027',
      ),
    ).toMatchObject({
      title: 'selvitetään ruoka-apu, kuljetukset ja tilat',
      ownerText: 'KYT',
      dueDate: '2027-01-15',
    });
  });

  it('reads "… mennessä" and "by …" as the due date, and several owners', () => {
    expect(
      parse('kirjaa toimenpide: kootaan tilannekuva, vastuu Jyväskylä ja Muurame, 31.3.2027 mennessä'),
    ).toMatchObject({
      ownerText: 'Jyväskylä ja Muurame',
      dueDate: '2027-03-31',
    });
    expect(parse('log action: agree on transport, by 1.2.2027')).toMatchObject({ dueDate: '2027-02-01' });
  });

  it('reads fields on their own lines', () => {
    expect(
      parse('kirjaa toimenpide: kootaan palveluverkon tilannekuva\nvastuu: Gradia\nmääräaika: 1.6.2027'),
    ).toMatchObject({
      title: 'kootaan palveluverkon tilannekuva',
      ownerText: 'Gradia',
      dueDate: '2027-06-01',
      problems: [],
    });
  });

  it('reads a description field and text after the due date as description', () => {
    expect(
      parse('log action: plan the survey, due 2027-03-01, mind the summer break, description include NGOs'),
    ).toMatchObject({
      title: 'plan the survey',
      dueDate: '2027-03-01',
      description: 'mind the summer break\ninclude NGOs',
    });
  });

  it('takes a date without a year as the next such day', () => {
    expect(parse('kirjaa toimenpide: valmistellaan, määräaika 31.3.')).toMatchObject({
      dueDate: '2027-03-31',
    });
  });

  it('treats the first part as the title even when it starts with a field word', () => {
    expect(parse('kirjaa toimenpide: vastuu siirtyy kunnalle, määräaika 1.2.2027')).toMatchObject({
      title: 'vastuu siirtyy kunnalle',
      dueDate: '2027-02-01',
    });
  });

  it('reports an unreadable date as a problem and keeps the text', () => {
    const draft = parse('kirjaa toimenpide: tehdään jotain, määräaika ensi kuussa');
    expect(draft.dueDate).toBeUndefined();
    expect(draft.dueDateText).toBe('ensi kuussa');
    expect(draft.problems).toEqual([
      { field: 'dueDate', code: 'dueDateInvalid', params: { text: 'ensi kuussa' } },
    ]);
  });

  it('reports a due date in the past, which needs confirming', () => {
    expect(parse('log action: late one, due 1.1.2026').problems).toEqual([
      { field: 'dueDate', code: 'dueDatePast', params: { date: '2026-01-01' } },
    ]);
  });

  it('reports a missing or too long title', () => {
    expect(parse('kirjaa toimenpide: , vastuu Jyväskylä').problems).toContainEqual({
      field: 'title',
      code: 'titleEmpty',
    });
    expect(parse(`log action: ${'x'.repeat(501)}`).problems).toEqual([
      { field: 'title', code: 'titleTooLong', params: { max: 500 } },
    ]);
    expect(parse(`log action: ${'x'.repeat(500)}`).problems).toEqual([]);
  });

  it('reads decisions as one text in each language', () => {
    expect(parse('kirjaa päätös: hyväksyttiin palveluverkkosuunnitelma, muutoksin')).toEqual({
      kind: 'decision',
      language: 'fi',
      title: 'hyväksyttiin palveluverkkosuunnitelma, muutoksin',
      problems: [],
    });
    expect(parse('logga beslut: planen godkändes')).toMatchObject({ kind: 'decision', language: 'sv' });
    expect(parse('log decision: the plan was approved')).toMatchObject({ kind: 'decision', language: 'en' });
    expect(parse('kirjaa päätös:').problems).toEqual([{ field: 'text', code: 'textEmpty' }]);
  });

  it('accepts the text without the command word (the message extension passes only the message)', () => {
    expect(parse('toimenpide: kootaan lista, vastuu Gradia')).toMatchObject({
      kind: 'action',
      title: 'kootaan lista',
      ownerText: 'Gradia',
    });
    expect(parse('kootaan lista')).toMatchObject({ kind: 'action', title: 'kootaan lista', problems: [] });
  });

  it('never throws on odd input', () => {
    for (const text of ['', ',,,', 'kirjaa', 'log action:', '\u0000\n\n', 'määräaika', 'by by by, by']) {
      expect(() => parse(text)).not.toThrow();
    }
  });
});
