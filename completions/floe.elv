
use builtin;
use str;

set edit:completion:arg-completer[floe] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'floe'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'floe'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long to wait for a cluster operation, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create or update Flux sources and syncs'
            cand completion 'Print shell completion scripts'
            cand version 'Print the floe version and the Flux version it installs'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;create'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long to wait for a cluster operation, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand source 'Create or update a source: git, helm, oci or bucket'
            cand sync 'Create or update a sync (a Flux Kustomization) that applies a path of a source'
            cand kustomization 'Create or update a sync (a Flux Kustomization) that applies a path of a source'
            cand ks 'Create or update a sync (a Flux Kustomization) that applies a path of a source'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;create;source'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long to wait for a cluster operation, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand git 'Create or update a GitRepository source'
            cand helm 'Create or update a HelmRepository source'
            cand oci 'Create or update an OCIRepository source'
            cand bucket 'Create or update a Bucket source'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;create;source;git'= {
            cand --url 'Repository URL: https://host/org/repo, http://... or ssh://git@host/org/repo'
            cand --branch 'Branch to follow (may be combined with --commit)'
            cand --tag 'Tag to check out'
            cand --tag-semver 'Semver range of tags to follow, e.g. ''>=1.0.0 <2.0.0'''
            cand --ref-name 'Full reference name, e.g. refs/heads/main or refs/pull/42/head'
            cand --commit 'Commit SHA to check out'
            cand --secret-ref 'Name of an existing secret with SSH keys or basic-auth credentials'
            cand --provider 'Who authenticates the pulls'
            cand --recurse-submodules 'Include Git submodules in the artifact'
            cand --ignore-paths 'Paths to leave out of the artifact, in .gitignore syntax (repeat or separate with commas)'
            cand --sparse-checkout-paths 'Check out only these directories (repeat or separate with commas)'
            cand --interval 'How often Flux reconciles the object, e.g. 30s, 1m, 1h'
            cand --label 'Set a label on the object, as key=value (repeat or separate with commas)'
            cand --export 'Print the object as YAML to stdout instead of applying it'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long to wait for a cluster operation, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;create;source;helm'= {
            cand --url 'Repository URL: https://..., http://... or oci://registry/path'
            cand --secret-ref 'Name of an existing secret with credentials'
            cand --type 'Repository type; oci:// URLs are always `oci`'
            cand --oci 'Same as --type=oci'
            cand --interval 'How often Flux reconciles the object, e.g. 30s, 1m, 1h'
            cand --label 'Set a label on the object, as key=value (repeat or separate with commas)'
            cand --export 'Print the object as YAML to stdout instead of applying it'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long to wait for a cluster operation, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;create;source;oci'= {
            cand --url 'Artifact URL: oci://registry/repository'
            cand --tag 'Tag to pull'
            cand --tag-semver 'Semver range of tags to follow'
            cand --digest 'Digest to pull, e.g. sha256:<hex>'
            cand --secret-ref 'Name of an existing image pull secret'
            cand --provider 'Who authenticates the pulls'
            cand --interval 'How often Flux reconciles the object, e.g. 30s, 1m, 1h'
            cand --label 'Set a label on the object, as key=value (repeat or separate with commas)'
            cand --export 'Print the object as YAML to stdout instead of applying it'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long to wait for a cluster operation, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;create;source;bucket'= {
            cand --bucket-name 'Name of the bucket in the object store'
            cand --endpoint 'Object store endpoint, host[:port] without a scheme'
            cand --provider 'The object storage API'
            cand --region 'Bucket region'
            cand --insecure 'Use plain HTTP instead of HTTPS'
            cand --secret-ref 'Name of an existing secret with access keys'
            cand --interval 'How often Flux reconciles the object, e.g. 30s, 1m, 1h'
            cand --label 'Set a label on the object, as key=value (repeat or separate with commas)'
            cand --export 'Print the object as YAML to stdout instead of applying it'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long to wait for a cluster operation, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;create;source;help'= {
            cand git 'Create or update a GitRepository source'
            cand helm 'Create or update a HelmRepository source'
            cand oci 'Create or update an OCIRepository source'
            cand bucket 'Create or update a Bucket source'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;create;source;help;git'= {
        }
        &'floe;create;source;help;helm'= {
        }
        &'floe;create;source;help;oci'= {
        }
        &'floe;create;source;help;bucket'= {
        }
        &'floe;create;source;help;help'= {
        }
        &'floe;create;sync'= {
            cand --source 'Source to apply from, [Kind/]name[.namespace]; Kind is GitRepository (default), OCIRepository or Bucket'
            cand --path 'Directory in the source to apply, relative to its root'
            cand --prune 'Delete objects that were removed from the source'
            cand --wait 'Wait until every applied object is ready'
            cand --retry-interval 'How soon to retry after a failed reconciliation, e.g. 30s'
            cand --health-check-timeout 'How long health checks (--wait or --health-check) may take'
            cand --target-namespace 'Put every applied namespaced object in this namespace'
            cand --depends-on 'Kustomizations that must be ready first, name or namespace/name (repeat or separate with commas)'
            cand --health-check 'Workload to check after applying, Kind/name.namespace (repeat or separate with commas)'
            cand --service-account 'Service account to impersonate when applying'
            cand --decryption-provider 'Decrypt secrets with this provider'
            cand --decryption-secret 'Secret holding the decryption keys'
            cand --interval 'How often Flux reconciles the object, e.g. 30s, 1m, 1h'
            cand --label 'Set a label on the object, as key=value (repeat or separate with commas)'
            cand --export 'Print the object as YAML to stdout instead of applying it'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long to wait for a cluster operation, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;create;kustomization'= {
            cand --source 'Source to apply from, [Kind/]name[.namespace]; Kind is GitRepository (default), OCIRepository or Bucket'
            cand --path 'Directory in the source to apply, relative to its root'
            cand --prune 'Delete objects that were removed from the source'
            cand --wait 'Wait until every applied object is ready'
            cand --retry-interval 'How soon to retry after a failed reconciliation, e.g. 30s'
            cand --health-check-timeout 'How long health checks (--wait or --health-check) may take'
            cand --target-namespace 'Put every applied namespaced object in this namespace'
            cand --depends-on 'Kustomizations that must be ready first, name or namespace/name (repeat or separate with commas)'
            cand --health-check 'Workload to check after applying, Kind/name.namespace (repeat or separate with commas)'
            cand --service-account 'Service account to impersonate when applying'
            cand --decryption-provider 'Decrypt secrets with this provider'
            cand --decryption-secret 'Secret holding the decryption keys'
            cand --interval 'How often Flux reconciles the object, e.g. 30s, 1m, 1h'
            cand --label 'Set a label on the object, as key=value (repeat or separate with commas)'
            cand --export 'Print the object as YAML to stdout instead of applying it'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long to wait for a cluster operation, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;create;ks'= {
            cand --source 'Source to apply from, [Kind/]name[.namespace]; Kind is GitRepository (default), OCIRepository or Bucket'
            cand --path 'Directory in the source to apply, relative to its root'
            cand --prune 'Delete objects that were removed from the source'
            cand --wait 'Wait until every applied object is ready'
            cand --retry-interval 'How soon to retry after a failed reconciliation, e.g. 30s'
            cand --health-check-timeout 'How long health checks (--wait or --health-check) may take'
            cand --target-namespace 'Put every applied namespaced object in this namespace'
            cand --depends-on 'Kustomizations that must be ready first, name or namespace/name (repeat or separate with commas)'
            cand --health-check 'Workload to check after applying, Kind/name.namespace (repeat or separate with commas)'
            cand --service-account 'Service account to impersonate when applying'
            cand --decryption-provider 'Decrypt secrets with this provider'
            cand --decryption-secret 'Secret holding the decryption keys'
            cand --interval 'How often Flux reconciles the object, e.g. 30s, 1m, 1h'
            cand --label 'Set a label on the object, as key=value (repeat or separate with commas)'
            cand --export 'Print the object as YAML to stdout instead of applying it'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long to wait for a cluster operation, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;create;help'= {
            cand source 'Create or update a source: git, helm, oci or bucket'
            cand sync 'Create or update a sync (a Flux Kustomization) that applies a path of a source'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;create;help;source'= {
            cand git 'Create or update a GitRepository source'
            cand helm 'Create or update a HelmRepository source'
            cand oci 'Create or update an OCIRepository source'
            cand bucket 'Create or update a Bucket source'
        }
        &'floe;create;help;source;git'= {
        }
        &'floe;create;help;source;helm'= {
        }
        &'floe;create;help;source;oci'= {
        }
        &'floe;create;help;source;bucket'= {
        }
        &'floe;create;help;sync'= {
        }
        &'floe;create;help;help'= {
        }
        &'floe;completion'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long to wait for a cluster operation, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;version'= {
            cand --client 'Print only the client versions (the cluster is not asked yet in this release)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long to wait for a cluster operation, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;help'= {
            cand create 'Create or update Flux sources and syncs'
            cand completion 'Print shell completion scripts'
            cand version 'Print the floe version and the Flux version it installs'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;help;create'= {
            cand source 'Create or update a source: git, helm, oci or bucket'
            cand sync 'Create or update a sync (a Flux Kustomization) that applies a path of a source'
        }
        &'floe;help;create;source'= {
            cand git 'Create or update a GitRepository source'
            cand helm 'Create or update a HelmRepository source'
            cand oci 'Create or update an OCIRepository source'
            cand bucket 'Create or update a Bucket source'
        }
        &'floe;help;create;source;git'= {
        }
        &'floe;help;create;source;helm'= {
        }
        &'floe;help;create;source;oci'= {
        }
        &'floe;help;create;source;bucket'= {
        }
        &'floe;help;create;sync'= {
        }
        &'floe;help;completion'= {
        }
        &'floe;help;version'= {
        }
        &'floe;help;help'= {
        }
    ]
    $completions[$command]
}
