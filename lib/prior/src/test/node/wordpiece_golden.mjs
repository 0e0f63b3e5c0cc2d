// Golden token ids for WordPieceTokenizerTest, from an independent implementation: Hugging Face's
// @huggingface/tokenizers (pure JS port of `tokenizers`; BertNormalizer + BertPreTokenizer + WordPiece,
// the pipeline of BertTokenizerFast). Debian has no python3-transformers, PyPI is out of reach, npm is not.
//
// Usage (from lib/prior):
//   d=$(mktemp -d) && (cd $d && npm install --no-audit --no-fund @huggingface/tokenizers@0.2.0) &&
//   node src/test/node/wordpiece_golden.mjs $d/node_modules/@huggingface/tokenizers \
//     > src/test/resources/golden/wordpiece_ids.json
import fs from "fs";
import path from "path";

const packageDir = path.resolve(process.argv[2]);
const { Tokenizer } = await import(path.join(packageDir, "dist", "tokenizers.mjs"));

const vocabFile = "src/test/resources/tokenizer/vocab_small.txt";
const lines = fs.readFileSync(vocabFile, "utf8").split("\n");
if (lines[lines.length - 1] === "") lines.pop();
const vocab = Object.fromEntries(lines.map((t, i) => [t, i]));

// Radiology-style sentences: decimals, hyphens, slashes, parentheses, accents, MIMIC's "___" placeholder,
// unknown characters, a word of 101 characters, control characters, tabs and non-breaking spaces.
const SENTENCES = [
  "No pleural effusion or pneumothorax.",
  "Small left pleural effusion.",
  "There is a 1.5 cm opacity in the left upper lobe.",
  "Moderate right-sided pleural effusion, unchanged since prior study.",
  "ET tube tip 5.2 cm above the carina.",
  "PA and lateral views of the chest.",
  "Mild basilar opacities (likely atelectasis).",
  "Heart size is normal; lungs are clear.",
  "Left PICC line with tip at the cavoatrial junction.",
  "Well-defined 12-mm nodule at the right base.",
  "Sjögren's syndrome; café-au-lait.",
  "Patient ___ was informed at 10:15 by Dr. ___.",
  "Cardiomediastinal silhouette is normal.",
  "Pneumothorax\tincreased\u00a0to 25%.",
  "Lungs: clear; heart+mediastinum: normal",
  "Comparison with study of ___ (C/W prior).",
  "Opacities €5 α-1 ≥ 2",
  "a" + "b".repeat(100) + " is one word of 101 characters, " + "pneumo".repeat(16) + "pneu is 100.",
  "Zero\u0000width\u200bjoin and control\u0007chars.",
  "THE LEFT LUNG IS CLEAR.",
  "  leading and trailing   spaces  ",
  "",
];

function tokenizer(lowercase) {
  const json = {
    version: "1.0",
    normalizer: { type: "BertNormalizer", clean_text: true, handle_chinese_chars: false,
                  strip_accents: null, lowercase },
    pre_tokenizer: { type: "BertPreTokenizer" },
    model: { type: "WordPiece", unk_token: "[UNK]", continuing_subword_prefix: "##",
             max_input_chars_per_word: 100, vocab },
    post_processor: null,
    decoder: null,
    added_tokens: [],
  };
  return new Tokenizer(json, {});
}

const cases = [];
for (const lowercase of [true, false]) {
  const t = tokenizer(lowercase);
  for (const text of SENTENCES) {
    const enc = t.encode(text, { add_special_tokens: false });
    cases.push({ lowercase, text, tokens: enc.tokens, ids: enc.ids });
  }
}
const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8"));
process.stdout.write(JSON.stringify({
  generator: "src/test/node/wordpiece_golden.mjs, @huggingface/tokenizers " + pkg.version,
  vocab: vocabFile, cases }, null, 1) + "\n");
