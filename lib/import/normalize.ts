// Character-level helpers. Documents arrive with full-width and half-width digits and punctuation mixed
// freely, and in Simplified or Traditional script, so pattern matching runs on a folded copy of each
// line; the stored text keeps the author's script and punctuation and only has its digits folded, since
// newsroom style writes figures in half-width digits.

import { Converter } from "opencc-js/t2cn";

const FOLD_FOR_MATCH: Readonly<Record<string, string>> = {
  "．": ".",
  "，": ",",
  "：": ":",
  "；": ";",
  "（": "(",
  "）": ")",
  "　": " ",
  "＃": "#",
  "／": "/",
};

function isFullWidthDigit(ch: string): boolean {
  return ch >= "０" && ch <= "９";
}

function halfWidthDigit(ch: string): string {
  return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
}

// OpenCC's Traditional → Simplified tables (Taiwan, Hong Kong and generic Traditional alike).
const traditionalToSimplified = Converter({ from: "t", to: "cn" });

/**
 * Traditional characters as Simplified, so that one set of keywords (十大新闻, 先后为序, 摄) matches
 * both scripts. OpenCC converts phrase by phrase; should a phrase ever change length, the text is
 * converted character by character instead, so that indexes stay valid in the original.
 */
export function toSimplified(text: string): string {
  if (!/[\u3400-\u9fff\uf900-\ufaff]/.test(text)) return text;
  const whole = traditionalToSimplified(text);
  if (whole.length === text.length) return whole;
  let out = "";
  for (const ch of text) {
    const converted = traditionalToSimplified(ch);
    out += converted.length === ch.length ? converted : ch;
  }
  return out;
}

/**
 * Folds full-width digits and numbering punctuation to ASCII and Traditional characters to Simplified,
 * one UTF-16 unit for one, so that an index found in the folded string is also valid in the original.
 */
export function foldForMatch(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    out += isFullWidthDigit(ch) ? halfWidthDigit(ch) : (FOLD_FOR_MATCH[ch] ?? ch);
  }
  return toSimplified(out);
}

/** Text as stored: trimmed, runs of spaces collapsed, full-width digits (and their decimal points) folded. */
export function cleanText(text: string): string {
  return text
    .replace(/[０-９]/g, halfWidthDigit)
    .replace(/(\d)．(?=\d)/g, "$1.")
    .replace(/\s+/g, " ")
    .trim();
}

/** The whole document with every run of whitespace made one space: formatting noise is not a new document. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\s+/g, " ").trim();
}

// Brackets after the full stop do not reopen the sentence: "（……完。）", "……。（完）".
const TRAILING_CLOSERS = /[)）\]】]+$/;
const TRAILING_ASIDE = /[(（【[][^()（）【】[\]]*[)）】\]]$/;
const SENTENCE_END = /[。！？!?…”」』’]$/;

export function endsSentence(text: string): boolean {
  const trimmed = text.trim();
  return [trimmed, trimmed.replace(TRAILING_CLOSERS, ""), trimmed.replace(TRAILING_ASIDE, "")].some((candidate) =>
    SENTENCE_END.test(candidate),
  );
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const DIGIT_CHARS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"] as const;

function digitChar(n: number): string {
  return DIGIT_CHARS[n] ?? "";
}

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (1..999). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = "";
  if (hundreds > 0) out += `${digitChar(hundreds)}百`;
  if (tens > 0) out += `${tens === 1 && hundreds === 0 ? "" : digitChar(tens)}十`;
  else if (hundreds > 0 && ones > 0) out += "零";
  if (ones > 0) out += digitChar(ones);
  return out;
}

/**
 * 十二 → 12, 二十 → 20, 两 → 2. Returns null for anything that is not a well-formed numeral (such as
 * 一二), by checking that writing the value back gives the same characters.
 */
export function parseChineseNumeral(text: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(text)) return null;
  let total = 0;
  let pending = 0;
  for (const ch of text) {
    if (ch === "百") {
      total += (pending || 1) * 100;
      pending = 0;
    } else if (ch === "十") {
      total += (pending || 1) * 10;
      pending = 0;
    } else {
      pending = CHINESE_DIGITS[ch] ?? 0;
    }
  }
  const value = total + pending;
  if (value < 1) return null;
  return toChineseNumeral(value) === text.replace(/两/g, "二").replace(/〇/g, "零") ? value : null;
}

/** A rank written in Arabic (half- or full-width) or Chinese digits. */
export function parseRankNumber(text: string): number | null {
  const folded = foldForMatch(text);
  if (/^\d{1,3}$/.test(folded)) {
    const value = Number(folded);
    return value > 0 ? value : null;
  }
  return parseChineseNumeral(text);
}
