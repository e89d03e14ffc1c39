/**
 * Words that questions to the bot are made of, per language. Function words mark a language
 * (detect-language.ts) and weigh little in phrase matching (term-matcher.ts); both lists are
 * words that must never be taken for a misspelt place name ("vastaa" is one letter from
 * Vantaa). Finnish entries are base forms; matchers inflect them when they are built.
 */
import type { Lang } from './lang';

function words(list: string): readonly string[] {
  return list.split(' ');
}

/** Closed-class words: pronouns, question words, conjunctions, prepositions, auxiliaries. */
export const FUNCTION_WORDS: Readonly<Record<Lang, readonly string[]>> = {
  fi: words(
    'kuka ketkä kenen kenelle keneen keneltä kenellä kenet ken mikä mitkä mitä minkä missä mistä ' +
      'mihin millä miltä mille milloin miten miksi kuinka paljonko montako onko ovatko voiko saako ' +
      'pitääkö kuuluuko on ovat oli olla ole ei en et eivät ja tai sekä että jos kun mutta vai myös ' +
      'kuin eli vain jo vielä se sen sitä siitä siihen siinä ne niiden niitä tämä tämän tätä tästä ' +
      'tässä tähän nämä näiden tuo minä minun minulle meidän meille me sinä sinun te he hän joka jonka ' +
      'jotka mikäli koska kanssa osalta koskien liittyen täällä siellä nyt enää kiitos hei moi terve',
  ),
  sv: words(
    'vem vems vilken vilket vilka var vart varifrån vad när hur varför och eller i för på av med till ' +
      'om från hos inom under efter vid mot är som det den de en ett att har kan ska skall bör jag vi ' +
      'ni du man min vår vårt våra här där inte också nu hej tack',
  ),
  en: words(
    'who whom whose what which where when how why the a an is are was were be for in of on to and or ' +
      'with about at by from does do did can could should would will i we you it this that these those ' +
      'my our me us there here not also please hi hello thanks',
  ),
};

/** Open-class words typical of questions to the bot: verbs of responsibility, kinds of organisation, meetings. */
export const QUESTION_WORDS: Readonly<Record<Lang, readonly string[]>> = {
  fi: words(
    'vastaa vastaavat vastata vastaava vastuu vastuussa vastuuhenkilö vastuutaho hoitaa hoitavat ' +
      'hoito hoitaja kuuluu kuuluvat koordinoi koordinoida koordinaattori päättää päätös johtaa vetää ' +
      'ottaa otan otetaan yhteyttä yhteys yhteyshenkilö yhteystieto yhteystiedot tieto tiedot kertoa ' +
      'kerro näytä haluan tarvitsen voisitko auta apua ohje kysymys asia asiat alue kunta kaupunki kylä ' +
      'maakunta hyvinvointialue liitto seutu palvelu palvelut henkilö ihminen työntekijä kokous ' +
      'neuvottelu seuraava sihteeri puheenjohtaja ryhmä työryhmä sopimus tavoite toimenpide päivä vuosi ' +
      'tänään huomenna milloin lista luettelo',
  ),
  sv: words(
    'ansvarar ansvarig ansvar sköter samordnar samordnare kontakt kontaktperson kontakta hör tillhör ' +
      'beslutar leder nästa möte förhandling sekreterare ordförande kommun kommunen stad staden region ' +
      'regionen område området tjänster fråga hjälp person',
  ),
  en: words(
    'responsible responsibility charge handles handle coordinates coordinator contact person belong ' +
      'belongs decides leads next meeting negotiation secretary chair municipality city town region ' +
      'county area services service question help should list show',
  ),
};
