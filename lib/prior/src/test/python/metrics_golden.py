"""Golden values for org.priorkit.metrics (MetricsGoldenTest): scikit-learn's classification metrics on
seeded random cases with ties and class imbalance.

Run with Debian's scikit-learn 1.2: /usr/bin/python3 metrics_golden.py  (writes ../resources/golden/metrics.json)
Every metric is called with labels=range(C) so that Java's "classes" argument means the same thing.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.metrics import (accuracy_score, cohen_kappa_score, confusion_matrix,
                             precision_recall_fscore_support, roc_auc_score, roc_curve)

rng = np.random.default_rng(2023)


def binary_case(name, n, positive_rate, levels):
    """levels=None: continuous scores; otherwise scores rounded to that many values (many ties)."""
    labels = (rng.random(n) < positive_rate).astype(int)
    labels[0], labels[1] = 0, 1  # both classes present
    scores = rng.random(n) + 0.3 * labels
    if levels is not None:
        scores = np.round(scores * levels) / levels
    fpr, tpr, thresholds = roc_curve(labels, scores, drop_intermediate=False)
    return {
        "name": name,
        "scores": scores.tolist(),
        "labels": labels.tolist(),
        "auroc": float(roc_auc_score(labels, scores)),
        "fpr": fpr.tolist(),
        "tpr": tpr.tolist(),
        # thresholds[0] is max(scores) + 1 in scikit-learn 1.2 and inf from 1.3; Java writes inf
        "thresholds": thresholds[1:].tolist(),
    }


def multilabel_case(name, n, classes, levels):
    labels = (rng.random((n, classes)) < np.linspace(0.1, 0.6, classes)).astype(int)
    labels[0, :], labels[1, :] = 0, 1
    scores = rng.random((n, classes)) + 0.4 * labels
    if levels is not None:
        scores = np.round(scores * levels) / levels
    per_class = roc_auc_score(labels, scores, average=None)
    return {
        "name": name,
        "scores": scores.tolist(),
        "labels": labels.tolist(),
        "perClass": per_class.tolist(),
        "macro": float(roc_auc_score(labels, scores, average="macro")),
    }


def multiclass_case(name, n, classes, weights, agreement):
    truth = rng.choice(classes, size=n, p=weights)
    noise = rng.choice(classes, size=n, p=weights)
    predicted = np.where(rng.random(n) < agreement, truth, noise)
    labels = list(range(classes))
    p, r, f, _ = precision_recall_fscore_support(truth, predicted, labels=labels, average="macro",
                                                 zero_division=0)
    return {
        "name": name,
        "classes": classes,
        "predicted": predicted.tolist(),
        "truth": truth.tolist(),
        "accuracy": float(accuracy_score(truth, predicted)),
        "confusion": confusion_matrix(truth, predicted, labels=labels).tolist(),
        "precision": float(p),
        "recall": float(r),
        "f1": float(f),
        "kappa": float(cohen_kappa_score(truth, predicted, labels=labels)),
    }


golden = {
    "sklearn": sklearn.__version__,
    "binary": [
        binary_case("continuous balanced", 40, 0.5, None),
        binary_case("ties 5 levels", 50, 0.5, 4),
        binary_case("imbalanced 10% positive with ties", 80, 0.1, 10),
        binary_case("heavy ties 2 levels", 30, 0.3, 1),
    ],
    "multilabel": [
        multilabel_case("continuous 5 classes", 60, 5, None),
        multilabel_case("ties 4 classes", 40, 4, 5),
    ],
    "multiclass": [
        multiclass_case("balanced 5 classes", 100, 5, [0.2] * 5, 0.6),
        multiclass_case("imbalanced 4 classes", 60, 4, [0.7, 0.2, 0.08, 0.02], 0.5),
        # class 4 never occurs in truth or prediction: it contributes zeros to the macro averages
        multiclass_case("absent class", 30, 5, [0.4, 0.3, 0.2, 0.1, 0.0], 0.7),
        multiclass_case("binary", 25, 2, [0.8, 0.2], 0.4),
    ],
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden", "metrics.json")
with open(path, "w") as f:
    json.dump(golden, f, indent=1)
print("wrote", path)
