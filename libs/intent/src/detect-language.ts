import type { ReplyLanguage } from './reply-language';
import { tokenise } from './tokenise';

// Romanised Hindi function words and common verbs (canonical spellings, see hinglish-spellings) that are not also
// English words: "me", "to", "main", "par" and "hi" are left out on purpose.
const HINDI_WORDS = new Set(
  (
    'hai hain nahi kya kyun kab kaise kaun kahan karo kar karna karenge karunga karungi kijiye dijiye bhejo bhej ' +
    'chahiye abhi baad mein ke ka ki ko se hum humko humein hume aap aapka aapki aapke aapko apna mera meri mere ' +
    'mujhe hamara hamare haan ji theek acha kal parso baat bolo batao sahi koi kuch bhi toh tha thi raha rahe rahi ' +
    'wala gaya gayi hoga hogi hoon hu yeh ye woh wo aur lekin matlab jaldi zaroor bilkul thoda bahut bohot zyada ' +
    'kam pe paisa paise daam kitna mat bhai bhaiya yaar filhal dobara phir fir wapas milte milenge samay liye ' +
    'sakte sakta sakti denge dena lena lenge chalega chalo rehne rakho rakhiye kyunki dhanyavad shukriya ' +
    'kripya agle agla pehle baje aaj subah shaam raat hafte mahine saal jab tab sab kuchh kisi unka unke ' +
    'unko inko iska uska wahi yahi ho na tak wahan yahan bas ab kaunsa kaunse chalu karte karta karti kiya kiye ' +
    'diya liya lagega lagta padega milega milti milta hota hoti hote mujhse humse aapse unse apne apni saath sath ' +
    'beech dekhte dekhta dekhunga dekh bola bolu kaam chhutti bahar galat aadmi banda dukaan shayad zaroorat ' +
    'jarurat chahte chahenge nikalo hatao hata dijiyega kariye wapas aaunga aayenge jayega jayegi'
  ).split(' '),
);

/** Share of a reply's letters (vowel signs included) in Devanagari from which it is tagged `hi`. */
const DEVANAGARI_SHARE = 0.3;

/**
 * The language of a reply: `hi` when at least 30% of its letters are Devanagari; `hi-Latn` when it has two or more
 * romanised Hindi words, or one that makes at least a fifth of its words ("nahi chahiye"); `en` otherwise (and for
 * a reply without letters).
 *
 * @example
 * detectLanguage('कल बात करते हैं'); // 'hi'
 * detectLanguage('kal call karo'); // 'hi-Latn'
 * detectLanguage('Call me tomorrow'); // 'en'
 */
export function detectLanguage(text: string): ReplyLanguage {
  const letters = text.match(/[\p{L}\p{M}]/gu)?.length ?? 0;
  const devanagari = text.match(/(?=[\p{L}\p{M}])\p{Script=Devanagari}/gu)?.length ?? 0;
  if (letters > 0 && devanagari >= DEVANAGARI_SHARE * letters) return 'hi';
  const words = tokenise(text).filter((t) => /\p{L}/u.test(t));
  const hindi = words.filter((w) => HINDI_WORDS.has(w)).length;
  return hindi >= 2 || (hindi === 1 && hindi * 5 >= words.length) ? 'hi-Latn' : 'en';
}
