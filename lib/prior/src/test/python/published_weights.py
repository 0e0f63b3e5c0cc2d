"""Weight files in exactly the formats users download, written by Debian's PyTorch, for PublishedWeightsTest
and TorchFileTest. transformers and safetensors are not installable here, so BERT runs as a functional
re-implementation of transformers' modeling_bert.py (post-LN, erf GELU, additive key mask) and .safetensors
files are written by the format's spec (8-byte little-endian header length, JSON header, raw bytes).

  /usr/bin/python3 published_weights.py fixtures
      small files, committed, under ../resources/weights:
      formats.pth / formats_legacy.pth / formats.safetensors: every dtype, views sharing a storage,
        a transposed view, a parameter, a scalar (formats.json: the values each must read as)
      lightning.ckpt: a PyTorch Lightning checkpoint (state_dict beside optimizer state, hyper-parameters
        holding an object of a class Java does not know)
      tiny-bert/: a Hugging Face BERT folder (config.json, vocab.txt, tokenizer_config.json,
        pytorch_model.bin with BertForPreTraining's names incl. old LayerNorm gamma/beta, model.safetensors
        with BertModel's names) and tiny-bert.npz (its hidden states on a few sentences)

  /usr/bin/python3 published_weights.py full OUT
      full-size files (about 1.3 GB, never committed; .ci/make-published-weights.sh) in OUT:
      resnet50-imagenet.pth   torchvision.models.resnet50().state_dict() (ImageNet's format: 3-channel conv1, fc)
      prior_resnet50.pt       PRIOR's released image encoder format: 1-channel conv1 (ImageNet's summed over
                              channels, as the official resnet50_224), no fc
      total_prior.ckpt        a Lightning checkpoint whose state_dict has the official module names
                              (image_encoder.encoder.*, text_encoder.encoder.*, global_image_projection, ...)
      Bio_ClinicalBERT/       config.json as emilyalsentzer/Bio_ClinicalBERT's, a 28,996-piece vocab.txt,
                              pytorch_model.bin in the legacy (pre-1.6) torch.save format with
                              BertForPreTraining's names, and model.safetensors
      expected.npz            torchvision's forward (eval) of both ResNets and the BERT's hidden states
"""
import collections
import json
import math
import os
import struct
import sys

import numpy as np
import torch
import torch.nn.functional as F
import torchvision

HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.join(HERE, "..", "resources", "weights")


def write_safetensors(path, tensors):
    """The safetensors layout: header sorted by name as the reference writer does, data in that order."""
    names = sorted(tensors)
    codes = {torch.float64: "F64", torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16",
             torch.int64: "I64", torch.int32: "I32", torch.int16: "I16", torch.int8: "I8", torch.uint8: "U8",
             torch.bool: "BOOL"}
    header, blobs, offset = {"__metadata__": {"format": "pt"}}, [], 0
    for name in names:
        t = tensors[name].contiguous()
        raw = t.view(torch.int16).numpy().tobytes() if t.dtype == torch.bfloat16 else t.numpy().tobytes()
        header[name] = {"dtype": codes[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)  # the reference writer pads the header to 8 bytes
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for blob in blobs:
            f.write(blob)


# ---------------------------------------------------------------- BERT, functional, Hugging Face names

def bert_state_dict(cfg, gen):
    """BertModel's state_dict (with pooler and the position_ids buffer), random but well-scaled."""
    h, inter = cfg["hidden_size"], cfg["intermediate_size"]
    sd = collections.OrderedDict()

    def lin(name, out_dim, in_dim):
        sd[name + ".weight"] = torch.randn(out_dim, in_dim, generator=gen) * 0.02 * math.sqrt(768 / in_dim)
        sd[name + ".bias"] = torch.randn(out_dim, generator=gen) * 0.02

    def norm(name):
        sd[name + ".weight"] = 1 + 0.1 * torch.randn(h, generator=gen)
        sd[name + ".bias"] = 0.1 * torch.randn(h, generator=gen)

    sd["embeddings.position_ids"] = torch.arange(cfg["max_position_embeddings"])[None, :]
    sd["embeddings.word_embeddings.weight"] = torch.randn(cfg["vocab_size"], h, generator=gen) * 0.5
    sd["embeddings.position_embeddings.weight"] = torch.randn(cfg["max_position_embeddings"], h, generator=gen) * 0.5
    sd["embeddings.token_type_embeddings.weight"] = torch.randn(cfg["type_vocab_size"], h, generator=gen) * 0.5
    norm("embeddings.LayerNorm")
    for i in range(cfg["num_hidden_layers"]):
        p = f"encoder.layer.{i}."
        for part in ("query", "key", "value"):
            lin(p + "attention.self." + part, h, h)
        lin(p + "attention.output.dense", h, h)
        norm(p + "attention.output.LayerNorm")
        lin(p + "intermediate.dense", inter, h)
        lin(p + "output.dense", h, inter)
        norm(p + "output.LayerNorm")
    lin("pooler.dense", h, h)
    return sd


def bert_forward(sd, cfg, ids, mask):
    """Last hidden states (B, T, H) of BertModel in eval mode; token types all 0."""
    h, heads, eps = cfg["hidden_size"], cfg["num_attention_heads"], cfg["layer_norm_eps"]
    ln = lambda x, name: F.layer_norm(x, (h,), sd[name + ".weight"], sd[name + ".bias"], eps)
    lin = lambda x, name: F.linear(x, sd[name + ".weight"], sd[name + ".bias"])
    b, t = ids.shape
    x = (sd["embeddings.word_embeddings.weight"][ids] + sd["embeddings.position_embeddings.weight"][:t][None]
         + sd["embeddings.token_type_embeddings.weight"][0])
    x = ln(x, "embeddings.LayerNorm")
    additive = (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
    split = lambda y: y.view(b, t, heads, h // heads).transpose(1, 2)
    for i in range(cfg["num_hidden_layers"]):
        p = f"encoder.layer.{i}."
        q, k, v = (split(lin(x, p + "attention.self." + n)) for n in ("query", "key", "value"))
        att = ((q @ k.transpose(-1, -2) / math.sqrt(h // heads) + additive).softmax(-1) @ v)
        att = att.transpose(1, 2).reshape(b, t, h)
        a = ln(lin(att, p + "attention.output.dense") + x, p + "attention.output.LayerNorm")
        x = ln(lin(F.gelu(lin(a, p + "intermediate.dense")), p + "output.dense") + a, p + "output.LayerNorm")
    return x


def pretraining_names(sd, cfg, gen, old_norm_names):
    """BertForPreTraining's checkpoint: 'bert.' prefix, MLM and NSP heads under 'cls.'; optionally the
    TF-converted LayerNorm.gamma / LayerNorm.beta names older Hugging Face files carry."""
    out = collections.OrderedDict()
    for k, v in sd.items():
        if old_norm_names and "LayerNorm" in k:
            k = k.replace("LayerNorm.weight", "LayerNorm.gamma").replace("LayerNorm.bias", "LayerNorm.beta")
        out["bert." + k] = v
    h = cfg["hidden_size"]
    out["cls.predictions.bias"] = torch.zeros(cfg["vocab_size"])
    out["cls.predictions.transform.dense.weight"] = torch.randn(h, h, generator=gen) * 0.02
    out["cls.predictions.transform.dense.bias"] = torch.zeros(h)
    out["cls.predictions.transform.LayerNorm.weight"] = torch.ones(h)
    out["cls.predictions.transform.LayerNorm.bias"] = torch.zeros(h)
    out["cls.predictions.decoder.weight"] = sd["embeddings.word_embeddings.weight"]  # tied, one storage
    out["cls.seq_relationship.weight"] = torch.randn(2, h, generator=gen) * 0.02
    out["cls.seq_relationship.bias"] = torch.zeros(2)
    return out


def bert_folder(folder, cfg, vocab, gen, legacy, lowercase):
    os.makedirs(folder, exist_ok=True)
    sd = bert_state_dict(cfg, gen)
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(cfg, f, indent=2)
    with open(os.path.join(folder, "vocab.txt"), "w") as f:
        f.write("\n".join(vocab) + "\n")
    with open(os.path.join(folder, "tokenizer_config.json"), "w") as f:
        json.dump({"do_lower_case": lowercase, "model_max_length": 512}, f)
    torch.save(pretraining_names(sd, cfg, gen, old_norm_names=True), os.path.join(folder, "pytorch_model.bin"),
               _use_new_zipfile_serialization=not legacy)
    write_safetensors(os.path.join(folder, "model.safetensors"),
                      {k: v for k, v in sd.items() if k != "embeddings.position_ids"})
    return sd


def bert_inputs(vocab_size, t):
    ids = torch.tensor([[101] + [1000 + 37 * i % (vocab_size - 1000) for i in range(t - 2)] + [102],
                        [101] + [2000 + 53 * i % (vocab_size - 2000) for i in range(t // 2 - 2)] + [102]
                        + [0] * (t - t // 2)])
    return ids, (ids != 0).long()


# ---------------------------------------------------------------- the small committed fixtures

class HyperParameters:
    """Pickled by reference (__main__.HyperParameters): a class Java does not know, as Lightning's hparams."""

    def __init__(self):
        self.embed_dim, self.optim = 8, "adamw"


def fixtures():
    os.makedirs(RESOURCES, exist_ok=True)
    gen = torch.Generator().manual_seed(1)
    base = torch.arange(24, dtype=torch.float32).reshape(4, 6) / 8 - 1
    sd = collections.OrderedDict()
    sd["matrix"] = base
    sd["transposed"] = base.t()                       # same storage, strides (1, 6)
    sd["window"] = base[1:3, 2:5]                     # same storage, offset 8
    sd["float64"] = torch.tensor([[1.5, -2.25], [1e-300, 3.0]], dtype=torch.float64)
    sd["float16"] = torch.tensor([0.5, -1.25, 65504.0, 6e-8], dtype=torch.float16)
    sd["bfloat16"] = torch.tensor([1.0, -3.5, 1e20], dtype=torch.bfloat16)
    sd["int64"] = torch.tensor([-(2 ** 40), 0, 7])
    sd["int32"] = torch.tensor([[-5, 6]], dtype=torch.int32)
    sd["uint8"] = torch.tensor([0, 200, 255], dtype=torch.uint8)
    sd["bool"] = torch.tensor([True, False, True])
    sd["scalar"] = torch.tensor(2.5)
    sd["parameter"] = torch.nn.Parameter(torch.randn(3, 2, generator=gen))
    sd._metadata = collections.OrderedDict({"": {"version": 1}})
    torch.save(sd, os.path.join(RESOURCES, "formats.pth"))
    torch.save(sd, os.path.join(RESOURCES, "formats_legacy.pth"), _use_new_zipfile_serialization=False)
    write_safetensors(os.path.join(RESOURCES, "formats.safetensors"),
                      {k: v.detach() for k, v in sd.items() if k not in ("transposed", "window")})
    expected = {k: {"dtype": str(v.dtype).replace("torch.", ""), "shape": list(v.shape),
                    "values": v.detach().double().flatten().tolist()} for k, v in sd.items()}
    with open(os.path.join(RESOURCES, "formats.json"), "w") as f:
        json.dump(expected, f, indent=1)

    lightning_sd = collections.OrderedDict(
        [("image_encoder.encoder.conv1.weight", torch.randn(4, 1, 3, 3, generator=gen)),
         ("global_image_projection.weight", torch.randn(8, 4, generator=gen)),
         ("logit_scale", torch.tensor(math.log(1 / 0.07)))])
    checkpoint = {"epoch": 99, "global_step": 123456789012, "pytorch-lightning_version": "1.9.0",
                  "state_dict": lightning_sd,
                  "optimizer_states": [{"state": {0: {"step": torch.tensor(3.0), "exp_avg": torch.zeros(4, 1, 3, 3)}},
                                        "param_groups": [{"lr": 1e-5, "betas": (0.9, 0.999), "params": [0, 1, 2]}]}],
                  "lr_schedulers": [], "callbacks": {}, "hyper_parameters": {"model": HyperParameters(),
                                                                             "tags": {"a", "b"}, "raw": b"\x00\xff"}}
    torch.save(checkpoint, os.path.join(RESOURCES, "lightning.ckpt"))
    with open(os.path.join(RESOURCES, "lightning.json"), "w") as f:
        json.dump({k: {"shape": list(v.shape), "values": v.double().flatten().tolist()}
                   for k, v in lightning_sd.items()}, f, indent=1)

    cfg = {"architectures": ["BertForMaskedLM"], "attention_probs_dropout_prob": 0.1, "hidden_act": "gelu",
           "hidden_dropout_prob": 0.1, "hidden_size": 16, "initializer_range": 0.02, "intermediate_size": 32,
           "layer_norm_eps": 1e-12, "max_position_embeddings": 24, "model_type": "bert", "num_attention_heads": 4,
           "num_hidden_layers": 2, "pad_token_id": 0, "type_vocab_size": 2, "vocab_size": 30}
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "heart", "is", "normal", "size", ".", "no",
             "pleural", "effusion", "lungs", "are", "clear", "##s", "there", "mild", "edema", "Heart", "Lungs",
             "The", "small", "left", "right", "base", "##y", "at"]
    folder = os.path.join(RESOURCES, "tiny-bert")
    sd = bert_folder(folder, cfg, vocab, gen, legacy=False, lowercase=True)
    ids = torch.tensor([[2, 5, 6, 7, 8, 9, 10, 3], [2, 11, 12, 13, 10, 3, 0, 0]])
    mask = (ids != 0).long()
    with torch.no_grad():
        hidden = bert_forward(sd, cfg, ids, mask)
    np.savez(os.path.join(RESOURCES, "tiny-bert.npz"), input_ids=ids.numpy(), attention_mask=mask.numpy(),
             hidden=hidden.numpy())
    print("wrote fixtures to", os.path.normpath(RESOURCES))


# ---------------------------------------------------------------- the full-size files (CI)

def full(out):
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(0)
    imagenet = torchvision.models.resnet50()  # random init: nothing is downloaded
    with torch.no_grad():  # BatchNorm statistics and affine away from their defaults, as a trained net's
        for name, t in imagenet.state_dict().items():
            if name.endswith("running_mean") or name.endswith("bn3.bias") or name.endswith("bn2.bias"):
                t.copy_(0.1 * torch.randn(t.shape, generator=gen))
            elif name.endswith("running_var"):
                t.copy_(0.5 + torch.rand(t.shape, generator=gen))
            elif name.endswith("bn3.weight") or name.endswith("bn2.weight") or name.endswith("bn1.weight"):
                t.copy_(0.5 + 0.5 * torch.rand(t.shape, generator=gen))
    imagenet.eval()
    torch.save(imagenet.state_dict(), os.path.join(out, "resnet50-imagenet.pth"))

    prior = torchvision.models.resnet50()  # the official resnet50_224(in_channels=1): conv1 summed, fc = Identity
    prior.load_state_dict(imagenet.state_dict())
    with torch.no_grad():
        conv1 = torch.nn.Conv2d(1, 64, kernel_size=7, stride=2, padding=3, bias=False)
        conv1.weight = torch.nn.Parameter(imagenet.conv1.weight.sum(dim=1, keepdim=True))
        prior.conv1 = conv1
        prior.fc = torch.nn.Identity()
        for name, t in prior.state_dict().items():  # the authors' weights differ from ImageNet's
            if name.startswith("layer4") and name.endswith("weight") and t.dim() == 4:
                t.mul_(1 + 0.1 * torch.randn(t.shape, generator=gen))
    prior.eval()
    torch.save(prior.state_dict(), os.path.join(out, "prior_resnet50.pt"))

    cfg = {"architectures": ["BertForMaskedLM"], "attention_probs_dropout_prob": 0.1, "hidden_act": "gelu",
           "hidden_dropout_prob": 0.1, "hidden_size": 768, "initializer_range": 0.02, "intermediate_size": 3072,
           "layer_norm_eps": 1e-12, "max_position_embeddings": 512, "model_type": "bert", "num_attention_heads": 12,
           "num_hidden_layers": 12, "pad_token_id": 0, "type_vocab_size": 2, "vocab_size": 28996}
    # bert-base-cased's layout: [PAD] 0, [unused1..99], [UNK] 100, [CLS] 101, [SEP] 102, [MASK] 103, then pieces
    vocab = ["[PAD]"] + [f"[unused{i}]" for i in range(1, 100)] + ["[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    vocab += [f"w{i}" if i % 3 else f"##p{i}" for i in range(len(vocab), cfg["vocab_size"])]
    bert = bert_folder(os.path.join(out, "Bio_ClinicalBERT"), cfg, vocab, gen, legacy=True, lowercase=False)

    official = collections.OrderedDict()
    for k, v in prior.state_dict().items():
        official["image_encoder.encoder." + k] = v
    for k, v in bert.items():
        official["text_encoder.encoder." + k] = v
    official["global_image_projection.weight"] = torch.randn(512, 2048, generator=gen) * 2048 ** -0.5
    official["global_image_projection.bias"] = torch.zeros(512)
    official["local_image_projection.weight"] = torch.randn(512, 2048, generator=gen) * 2048 ** -0.5
    official["local_image_projection.bias"] = torch.zeros(512)
    official["logit_scale"] = torch.tensor(math.log(1 / 0.1))
    torch.save({"epoch": 99, "global_step": 100000, "pytorch-lightning_version": "1.9.0", "state_dict": official},
               os.path.join(out, "total_prior.ckpt"))

    gray = torch.rand(2, 1, 96, 96, generator=gen)
    ids, mask = bert_inputs(cfg["vocab_size"], 16)
    with torch.no_grad():
        imagenet_maps = imagenet_features(imagenet, gray.repeat(1, 3, 1, 1))
        prior_maps = imagenet_features(prior, gray)
        hidden = bert_forward(bert, cfg, ids, mask)
    np.savez(os.path.join(out, "expected.npz"), image=gray.numpy(), imagenet_c5=imagenet_maps.numpy(),
             prior_c5=prior_maps.numpy(), input_ids=ids.numpy(), attention_mask=mask.numpy(), hidden=hidden.numpy())
    print("wrote", ", ".join(sorted(os.listdir(out))), "to", out)


def imagenet_features(m, x):
    x = m.maxpool(m.relu(m.bn1(m.conv1(x))))
    return m.layer4(m.layer3(m.layer2(m.layer1(x))))


if __name__ == "__main__":
    if sys.argv[1:2] == ["fixtures"]:
        fixtures()
    elif sys.argv[1:2] == ["full"] and len(sys.argv) == 3:
        full(sys.argv[2])
    else:
        sys.exit("usage: published_weights.py fixtures | full OUT")
