/**
 * One spelling per romanised Hindi word (and per common chat abbreviation), so "nahi", "nahin" and "nhi" count as
 * the same word and the model needs no example of every variant. Keys are normalised tokens (see normaliseText);
 * a canonical form may be two words ("bhejdo" → "bhej do"). Only spellings that are not also English words are listed:
 * "me", "he", "to" and "bad" stay as they are.
 */
const SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  nahi: ['nahin', 'nhi', 'nai', 'nahee', 'nahii', 'nehi', 'nahiin', 'nhin'],
  kya: ['kyaa', 'kia'],
  haan: ['haa', 'han', 'haanji', 'hanji', 'ha'],
  chahiye: ['chaiye', 'chahie', 'chahiya', 'chaahiye', 'chahye', 'chaheye', 'chaiya', 'chahiey'],
  hai: ['hy', 'hae', 'haii'],
  karo: ['kro', 'karoo', 'krdo'],
  kar: ['kr', 'krr'],
  kijiye: ['kijiyega', 'kijie', 'kijye', 'kijiya', 'kariye', 'kariyega', 'kijiy'],
  dijiye: ['dijiyega', 'dijie', 'dijye', 'dijiy'],
  mujhe: ['mjhe', 'muje', 'mujhey', 'mujhko'],
  abhi: ['abi', 'abhie', 'abhee', 'abhii'],
  theek: ['thik', 'thk', 'tik', 'theak', 'thek'],
  acha: ['accha', 'achha', 'achchha', 'achcha'],
  mein: ['mei', 'mae'],
  bhai: ['bhaii', 'bhay'],
  'baad mein': ['baadmein', 'baadme', 'badme', 'baadmai'],
  bhejo: ['bhejna', 'bhejiye', 'bhejiyega', 'bhejye', 'bhijwa', 'bhijwao'],
  'bhej do': ['bhejdo', 'bhejdijiye', 'bhejdena'],
  batao: ['btao', 'bataao', 'bata', 'bataiye', 'bataye', 'batayein', 'batana', 'btana'],
  please: ['pls', 'plz', 'plzz', 'plss', 'pleas', 'plez', 'pleaze', 'pleease', 'pleasee'],
  thanks: ['thx', 'thnx', 'thanx', 'tnx', 'thank', 'thankyou', 'ty', 'thnks'],
  dhanyavad: ['dhanyawad', 'dhanyavaad', 'dhanywad'],
  ok: ['k', 'okk', 'okay', 'okie', 'okey', 'okkk', 'oky'],
  you: ['u', 'yu'],
  your: ['ur', 'yr'],
  message: ['msg', 'mesage', 'massage', 'mssg', 'messages', 'msgs'],
  tomorrow: ['tmrw', 'tmrrw', 'tomorow', 'tommorow', 'tommorrow', 'tmr', 'tomm', 'tmw'],
  what: ['wat', 'wht', 'whats'],
  about: ['abt'],
  because: ['bcoz', 'coz', 'cuz', 'bcz', 'becoz'],
  kyunki: ['kyuki', 'kyonki', 'qki'],
  sorry: ['sry', 'sory', 'sorri'],
  kitna: ['kitne', 'kitni', 'ketna'],
  kyun: ['kyu', 'kiyu', 'kyon', 'kyo'],
  wala: ['wali', 'wale', 'vala', 'vali', 'vale'],
  zaroor: ['jarur', 'zarur', 'jaroor', 'jaruur'],
  bilkul: ['bilkool', 'bilkull'],
  filhal: ['filhaal', 'fillhal', 'abhiabhi'],
  baat: ['bat', 'baatt'],
  number: ['num', 'nmbr', 'numbr'],
  quotation: ['quote', 'quot', 'qoutation', 'quatation', 'cotation', 'quotations', 'quotes'],
  price: ['prize', 'prise', 'prices', 'pricing', 'rate', 'rates'],
  interested: ['intrested', 'intersted', 'interseted', 'intrst', 'interest'],
  meeting: ['meting', 'meetng', 'metting', 'meet'],
  unsubscribe: ['unsubscribed', 'unsub', 'unsubcribe', 'unsuscribe'],
};

const CANONICAL: ReadonlyMap<string, string> = new Map(
  Object.entries(SPELLINGS).flatMap(([canonical, variants]) => variants.map((v) => [v, canonical] as const)),
);

/**
 * The canonical spelling of one normalised token, as words (the token itself when it has no listed variant).
 *
 * @example
 * canonicalSpellings('nhi'); // ['nahi']
 * canonicalSpellings('bhejdo'); // ['bhej', 'do']
 */
export function canonicalSpellings(token: string): readonly string[] {
  const canonical = CANONICAL.get(token);
  return canonical === undefined ? [token] : canonical.split(' ');
}
