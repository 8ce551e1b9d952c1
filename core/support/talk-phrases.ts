/**
 * Whether something a pupil typed to the bot asks for an adult (issue 17): `talk` itself, and
 * everyday phrasings in English and Welsh ("I want to talk to someone", "I need help", "dw i
 * eisiau siarad efo rhywun", "dw i angen help"). Deliberately generous: offering the talk card to
 * someone who did not need it costs a tap on "Not now"; missing a child who did costs far more.
 * `help` on its own stays the help command (the help card offers talk too).
 */
const normalise = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const patterns: RegExp[] = [
  // English
  /^(talk|speak)\b/,
  /\b(talk|speak|chat)\b.*\b(someone|somebody|anyone|adult|grown ?up|teacher|staff|you)\b/,
  /\b(need|want|get)\b.*\bhelp\b/,
  /\bhelp me\b/,
  /\b(sad|scared|frightened|worried|upset|unsafe|not safe|lonely|bullied|hurt|hurting|crying|alone)\b/,
  /\bnot ok(ay)?\b/,
  // Cymraeg
  /^siarad\b/,
  /\bsiarad\b.*\b(rhywun|oedolyn|athro|athrawes|rywun)\b/,
  /\b(angen|eisiau|isio|moyn)\b.*\b(help|cymorth|siarad)\b/,
  /\bhelpa fi\b|\bhelpwch fi\b/,
  /\b(trist|ofn|ofnus|poeni|pryderus|unig|ddim yn ddiogel|ypset|crio)\b/,
];

export function asksForAdult(text: string): boolean {
  const said = normalise(text);
  if (!said || said === 'help' || said === 'cymorth') return false;
  return patterns.some((p) => p.test(said));
}
