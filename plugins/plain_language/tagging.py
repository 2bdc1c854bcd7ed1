"""Part-of-speech tags from HanTa (Hanover Tagger), loaded on first use, cached per sentence for one build."""

from functools import cached_property


class Tagger:
    """HanTa's German model; `tags(words)` gives (word, lemma, tag) per token, e.g. ('wird', 'werden', 'VA(FIN)')."""

    def __init__(self):
        self._cache: dict[tuple[str, ...], list[tuple[str, str, str]]] = {}

    @cached_property
    def _model(self):
        from HanTa import HanoverTagger

        return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")

    def tags(self, words: tuple[str, ...]) -> list[tuple[str, str, str]]:
        """The tagged tokens of one sentence."""
        if words not in self._cache:
            self._cache[words] = [tuple(tagged) for tagged in self._model.tag_sent(list(words), taglevel=1)]
        return self._cache[words]
