/** Finnish: the reference catalogue. sv and en must define exactly the same keys. */
export const fi = {
  'greeting.install':
    'Hei! Olen yhdyspintabotti. Autan selvittämään, kuka vastaa mistäkin kuntien ja hyvinvointialueen yhdyspinnoilla, kokoan tilannekuvan ennen neuvotteluja ja pidän kirjaa sovituista toimenpiteistä. Kirjoita "apua", niin kerron lisää.',
  'help.title': 'Näin voin auttaa',
  'help.intro': 'Kysy minulta suomeksi, ruotsiksi tai englanniksi. Esimerkkejä:',
  'help.responsibility': 'Kuka vastaa? – esim. "kuka vastaa kotoutumisesta Jyväskylässä?"',
  'help.forum': 'Foorumit ja kokoukset – esim. "milloin on seuraava HYTE-neuvottelu?"',
  'help.structure': 'Rakenteet – esim. "mihin työllisyysalueeseen Hankasalmi kuuluu?"',
  'help.actions': 'Toimenpiteet – sihteerit kirjaavat: "kirjaa toimenpide: …"',
  'help.digest': 'Tilannekuva – "tilannekuva" näyttää foorumin tilannekuvan.',
  'help.footer': 'Vastaukset perustuvat alueen yhteistyörekisteriin ja kertovat aina lähteensä.',
  'error.generic': 'Pahoittelut, jokin meni vikaan. Yritä hetken kuluttua uudelleen.',
  'error.storeUnavailable':
    'Tallennus ei ole juuri nyt käytettävissä. Mitään ei tallennettu; yritä hetken kuluttua uudelleen.',
  'input.empty': 'En saanut viestistä selvää. Kirjoita esimerkiksi "apua".',
  'input.notUnderstood': 'En ymmärtänyt kysymystä. Voit kysyä esimerkiksi:',
  'card.fallback': 'Viestissä on kortti, jota sovelluksesi ei näytä. Sama tieto tekstinä:',
} as const;

export type MessageKey = keyof typeof fi;
