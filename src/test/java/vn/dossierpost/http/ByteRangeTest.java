package vn.dossierpost.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.dossierpost.http.ByteRange.Partial;
import vn.dossierpost.http.ByteRange.Unsatisfiable;
import vn.dossierpost.http.ByteRange.Whole;

class ByteRangeTest {

    @Test
    void singleRanges() {
        assertThat(ByteRange.parse("bytes=0-99", 1000)).isEqualTo(new Partial(new ByteRange(0, 99)));
        assertThat(ByteRange.parse("bytes=900-", 1000)).isEqualTo(new Partial(new ByteRange(900, 999)));
        assertThat(ByteRange.parse("bytes=900-5000", 1000)).isEqualTo(new Partial(new ByteRange(900, 999)));
        assertThat(ByteRange.parse("bytes=-100", 1000)).isEqualTo(new Partial(new ByteRange(900, 999)));
        assertThat(ByteRange.parse("bytes=-5000", 1000)).isEqualTo(new Partial(new ByteRange(0, 999)));
        assertThat(ByteRange.parse("Bytes = 5 - 5", 1000)).isEqualTo(new Partial(new ByteRange(5, 5)));
        assertThat(new ByteRange(10, 19).contentRange(1000)).isEqualTo("bytes 10-19/1000");
        assertThat(new ByteRange(10, 19).length()).isEqualTo(10);
    }

    @Test
    void unsatisfiableOnlyWhenTheStartIsPastTheEnd() {
        assertThat(ByteRange.parse("bytes=1000-", 1000)).isInstanceOf(Unsatisfiable.class);
        assertThat(ByteRange.parse("bytes=-0", 1000)).isInstanceOf(Unsatisfiable.class);
    }

    @Test
    void whatDoesNotParseOrAsksForSeveralRangesGetsTheWholeFile() {
        assertThat(ByteRange.parse(null, 1000)).isInstanceOf(Whole.class);
        assertThat(ByteRange.parse("bytes=0-9,20-29", 1000)).isInstanceOf(Whole.class);
        assertThat(ByteRange.parse("bytes=9-0", 1000)).isInstanceOf(Whole.class);
        assertThat(ByteRange.parse("items=0-9", 1000)).isInstanceOf(Whole.class);
        assertThat(ByteRange.parse("bytes=-", 1000)).isInstanceOf(Whole.class);
        assertThat(ByteRange.parse("bytes=99999999999999999999-", 1000)).isInstanceOf(Whole.class);
    }
}
