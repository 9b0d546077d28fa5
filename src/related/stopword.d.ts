// stopword ships no types; these are the lists `terms.ts` uses (arrays of lowercase words).
declare module 'stopword' {
  export const ara: string[], ces: string[], dan: string[], deu: string[], ell: string[], eng: string[], fin: string[], fra: string[];
  export const heb: string[], hun: string[], ita: string[], jpn: string[], kor: string[], nld: string[], nob: string[], pol: string[];
  export const por: string[], ron: string[], rus: string[], spa: string[], swe: string[], tur: string[], ukr: string[], zho: string[];
}
