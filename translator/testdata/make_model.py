"""Writes a CTranslate2 Transformer with random weights, a word-level tokenizer.json and
a pontis-model.json, for tests and benchmarks: no registry ships translation weights.

    python make_model.py OUT_DIR --from es --to en [--layers 6 --d-model 512 --heads 8
        --ffn 2048 --vocab 32000] [--multilingual en,de,es] [--words FILE] [--seed 7]
        [--eos-bias 1.5] [--argos PACKAGE.argosmodel]

With --argos, the tokenizer is a SentencePiece model trained on the word list, and the
model is also packed as an Argos Translate package (a zip of model/, sentencepiece.model
and metadata.json), as Argos Translate's package index serves them.

A word list (--words, one word per line) goes into the vocabulary first, so that text
written with those words tokenizes without unknown tokens; filler tokens make up the
requested vocabulary size.
"""

import argparse
import io
import json
import os
import zipfile

import numpy as np
from ctranslate2.specs import transformer_spec
from ctranslate2.specs.model_spec import OPTIONAL, visit_spec
from tokenizers import Tokenizer, decoders
from tokenizers.models import WordLevel
from tokenizers.pre_tokenizers import Whitespace

SPECIALS = ["<unk>", "<s>", "</s>"]


def shape_of(name, d_model, ffn, vocab):
    """The shape of a Transformer weight, from its name in the spec."""
    parts = name.split("/")
    leaf, layer = parts[-1], parts[-2]
    if layer.startswith("embeddings") or layer == "projection":
        return (vocab, d_model) if leaf == "weight" else (vocab,)
    if layer == "layer_norm":
        return (d_model,)
    attention = parts[-3] if len(parts) >= 3 else ""
    if attention == "ffn":
        rows, cols = (ffn, d_model) if layer == "linear_0" else (d_model, ffn)
    elif attention == "self_attention":
        rows, cols = (3 * d_model, d_model) if layer == "linear_0" else (d_model, d_model)
    elif attention == "attention":
        rows, cols = (2 * d_model, d_model) if layer == "linear_1" else (d_model, d_model)
    else:
        raise ValueError(f"no shape rule for {name}")
    return (rows, cols) if leaf == "weight" else (rows,)


def fill(spec, d_model, ffn, vocab, rng):
    def visit(layer, name, value):
        leaf = name.split("/")[-1]
        if value is None:
            shape = shape_of(name, d_model, ffn, vocab)
            if leaf == "gamma":
                array = np.ones(shape, dtype=np.float32)
            elif leaf in ("beta", "bias"):
                array = np.zeros(shape, dtype=np.float32)
            else:
                array = rng.normal(0.0, 0.05, shape).astype(np.float32)
            setattr(layer, leaf, array)
        elif leaf == "bias" and isinstance(value, str) and value == OPTIONAL:
            # OPUS-MT models have biases; so do these, to do the same work.
            setattr(layer, leaf, np.zeros(shape_of(name, d_model, ffn, vocab), dtype=np.float32))

    visit_spec(spec, visit)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--from", dest="source", default="es")
    parser.add_argument("--to", dest="target", default="en")
    parser.add_argument("--multilingual", help="comma-separated BCP 47 tags")
    parser.add_argument("--layers", type=int, default=2)
    parser.add_argument("--d-model", type=int, default=64)
    parser.add_argument("--heads", type=int, default=4)
    parser.add_argument("--ffn", type=int, default=128)
    parser.add_argument("--vocab", type=int, default=500)
    parser.add_argument("--words", help="file of words to put in the vocabulary")
    parser.add_argument("--name", default=None)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--argos", help="also write an .argosmodel package here")
    parser.add_argument(
        "--eos-bias",
        type=float,
        default=0.0,
        help="added to the end token's output bias: at 1.5 the model stops after a word or "
        "two, as a trained one stops, instead of looping to the length limit (which the "
        "quality guards rightly reject)",
    )
    args = parser.parse_args()
    if args.argos:
        return make_argos(args)

    words = []
    if args.words:
        with open(args.words, encoding="utf-8") as f:
            words = [w.strip() for w in f if w.strip()]
    languages = args.multilingual.split(",") if args.multilingual else []
    language_tokens = {tag: f"__{tag}__" for tag in languages}
    tokens = SPECIALS + list(language_tokens.values())
    seen = set(tokens)
    for word in words:
        if word not in seen:
            seen.add(word)
            tokens.append(word)
    tokens += [f"tok{i}" for i in range(max(0, args.vocab - len(tokens)))]

    spec = transformer_spec.TransformerSpec.from_config((args.layers, args.layers), args.heads)
    spec.register_source_vocabulary(tokens)
    spec.register_target_vocabulary(tokens)
    rng = np.random.default_rng(args.seed)
    fill(spec.encoder, args.d_model, args.ffn, len(tokens), rng)
    fill(spec.decoder, args.d_model, args.ffn, len(tokens), rng)
    if args.eos_bias:
        bias = np.zeros((len(tokens),), dtype=np.float32)
        bias[tokens.index("</s>")] = args.eos_bias
        spec.decoder.projection.bias = bias
    os.makedirs(args.out, exist_ok=True)
    spec.validate()
    spec.optimize(quantization=None)
    spec.save(args.out)

    tokenizer = Tokenizer(WordLevel({t: i for i, t in enumerate(tokens)}, unk_token="<unk>"))
    tokenizer.pre_tokenizer = Whitespace()
    # Joins tokens with spaces.
    tokenizer.decoder = decoders.WordPiece(prefix="##", cleanup=False)
    tokenizer.save(os.path.join(args.out, "tokenizer.json"))

    if languages:
        name = args.name or "test-multilingual"
        langs = {"kind": "multilingual", "tokens": language_tokens, "source_prefix": True}
    else:
        name = args.name or f"test-{args.source}-{args.target}"
        langs = {"kind": "bilingual", "from": args.source, "to": args.target}
    with open(os.path.join(args.out, "pontis-model.json"), "w", encoding="utf-8") as f:
        json.dump({"name": name, "engine": "ctranslate2", "languages": langs}, f, indent=2)


def make_argos(args):
    """A bilingual model with a SentencePiece tokenizer, packed as Argos Translate does."""
    import sentencepiece as spm

    words = ["house", "big", "red", "school", "solar", "oven", "we", "built", "the", "is", "a"]
    if args.words:
        with open(args.words, encoding="utf-8") as f:
            words = [w.strip() for w in f if w.strip()]
    sp_bytes = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(" ".join(words[i:] + words[:i]) for i in range(len(words))),
        model_writer=sp_bytes,
        vocab_size=min(args.vocab, 60),
        model_type="word",
        hard_vocab_limit=False,
        minloglevel=2,
    )
    processor = spm.SentencePieceProcessor(model_proto=sp_bytes.getvalue())
    tokens = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    spec = transformer_spec.TransformerSpec.from_config((args.layers, args.layers), args.heads)
    spec.register_source_vocabulary(tokens)
    spec.register_target_vocabulary(tokens)
    rng = np.random.default_rng(args.seed)
    fill(spec.encoder, args.d_model, args.ffn, len(tokens), rng)
    fill(spec.decoder, args.d_model, args.ffn, len(tokens), rng)
    if args.eos_bias:
        bias = np.zeros((len(tokens),), dtype=np.float32)
        bias[tokens.index("</s>")] = args.eos_bias
        spec.decoder.projection.bias = bias
    model_dir = os.path.join(args.out, "model")
    os.makedirs(model_dir, exist_ok=True)
    spec.validate()
    spec.optimize(quantization=None)
    spec.save(model_dir)
    package = f"translate-{args.source}_{args.target}"
    metadata = {
        "package_version": "1.0",
        "argos_version": "1.9",
        "from_code": args.source,
        "to_code": args.target,
        "from_name": args.source,
        "to_name": args.target,
    }
    with zipfile.ZipFile(args.argos, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(os.listdir(model_dir)):
            archive.write(os.path.join(model_dir, name), f"{package}/model/{name}")
        archive.writestr(f"{package}/sentencepiece.model", sp_bytes.getvalue())
        archive.writestr(f"{package}/metadata.json", json.dumps(metadata))


if __name__ == "__main__":
    main()
