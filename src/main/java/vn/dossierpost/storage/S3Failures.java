package vn.dossierpost.storage;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The SDK's exceptions turned into {@link BlobStoreUnavailableException}s that say what is wrong in
 * an operator's words: the bucket missing, the credentials refused, the endpoint not answering. The
 * SDK's own message stays as the cause, for the log.
 */
final class S3Failures {
    private final String bucket;
    private final String location;

    S3Failures(String bucket, String location) {
        this.bucket = bucket;
        this.location = location;
    }

    /** A 404 about the object, not the bucket (a HEAD has no body to carry the error code). */
    static boolean isMissingObject(S3Exception e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.statusCode() == 404 && !"NoSuchBucket".equals(code);
    }

    BlobStoreUnavailableException of(String action, SdkException e) {
        return new BlobStoreUnavailableException("the scan store cannot " + action + ": " + reason(e), location, e);
    }

    private String reason(SdkException e) {
        if (e instanceof NoSuchBucketException) {
            return "the bucket '" + bucket + "' does not exist";
        }
        if (e instanceof S3Exception s3) {
            String code =
                    s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
            return switch (s3.statusCode()) {
                case 404 -> "the bucket '" + bucket + "' does not exist";
                case 301, 307 -> "the bucket '" + bucket + "' is in another region than the one configured";
                case 400, 401, 403 ->
                    "it refuses the credentials or this use of the bucket ("
                            + (code != null ? code : "HTTP " + s3.statusCode())
                            + "; check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and the bucket's policy)";
                default -> "it answered HTTP " + s3.statusCode() + (code != null ? " " + code : "");
            };
        }
        if (e instanceof SdkClientException) {
            return "no answer from its endpoint (" + rootKind(e) + ")";
        }
        return e.getClass().getSimpleName();
    }

    /** The kind of the first failure (ConnectException, UnknownHostException…): its message may name hosts. */
    private static String rootKind(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
