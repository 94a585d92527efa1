
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'floe' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'floe'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'floe' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('bootstrap', 'bootstrap', [CompletionResultType]::ParameterValue, 'Set up GitOps: commit Flux to a repository, install it, and verify the cluster syncs')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install the Flux controllers on the cluster')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check the cluster before installing (--pre) or the installed controllers')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show the state of sources and syncs')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create or update Flux sources and syncs')
            [CompletionResult]::new('reconcile', 'reconcile', [CompletionResultType]::ParameterValue, 'Ask Flux to reconcile a source or sync now and wait for the result')
            [CompletionResult]::new('suspend', 'suspend', [CompletionResultType]::ParameterValue, 'Stop reconciling a source or sync')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Start reconciling a suspended source or sync again')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print live sources and syncs as YAML to commit to Git')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a source or sync')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove the Flux controllers, CRDs and namespace from the cluster')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print shell completion scripts')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print floe''s version and the Flux version on the cluster')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'floe;bootstrap' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('github', 'github', [CompletionResultType]::ParameterValue, 'Bootstrap from a GitHub repository, created if it does not exist')
            [CompletionResult]::new('git', 'git', [CompletionResultType]::ParameterValue, 'Bootstrap from any Git server (no provider API)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'floe;bootstrap;github' {
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'The user or organisation that owns the repository')
            [CompletionResult]::new('--repository', '--repository', [CompletionResultType]::ParameterName, 'The repository name')
            [CompletionResult]::new('--personal', '--personal', [CompletionResultType]::ParameterName, 'The owner is a user, not an organisation')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Create the repository private')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Grant a team access: name[:pull|triage|push|maintain|admin] (default maintain; repeatable)')
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'GitHub host; another host is GitHub Enterprise Server, HOST[:PORT]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust for the host''s API and Git, for Enterprise servers with a private CA')
            [CompletionResult]::new('--token-auth', '--token-auth', [CompletionResultType]::ParameterName, 'The cluster pulls over HTTPS with the token instead of SSH with a deploy key')
            [CompletionResult]::new('--read-write-key', '--read-write-key', [CompletionResultType]::ParameterName, 'Give the deploy key write access (for image automation)')
            [CompletionResult]::new('--reconcile', '--reconcile', [CompletionResultType]::ParameterName, 'Also bring an existing repository''s visibility and default branch in line with the flags')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: without GITHUB_TOKEN fail instead of asking for it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: without GITHUB_TOKEN fail instead of asking for it')
            [CompletionResult]::new('--branch', '--branch', [CompletionResultType]::ParameterName, 'Branch to commit to and sync from (created when missing)')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'Directory of this cluster in the repository (default: the root); floe writes only <path>/flux-system')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'How often the cluster checks the repository for new commits')
            [CompletionResult]::new('--secret-name', '--secret-name', [CompletionResultType]::ParameterName, 'Secret in the install namespace with the cluster''s Git credentials')
            [CompletionResult]::new('--ssh-key-algorithm', '--ssh-key-algorithm', [CompletionResultType]::ParameterName, 'Algorithm of a generated SSH key')
            [CompletionResult]::new('--ssh-ecdsa-curve', '--ssh-ecdsa-curve', [CompletionResultType]::ParameterName, 'Curve of a generated ECDSA key')
            [CompletionResult]::new('--ssh-rsa-bits', '--ssh-rsa-bits', [CompletionResultType]::ParameterName, 'Size of a generated RSA key in bits (2048 to 8192)')
            [CompletionResult]::new('--author-name', '--author-name', [CompletionResultType]::ParameterName, 'Commit author name (default: git config user.name, else floe)')
            [CompletionResult]::new('--author-email', '--author-email', [CompletionResultType]::ParameterName, 'Commit author email (default: git config user.email)')
            [CompletionResult]::new('--commit-message-appendix', '--commit-message-appendix', [CompletionResultType]::ParameterName, 'Text added to the end of the commit message')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan (repository actions, a diff of the files, a server-side dry run) and change nothing')
            [CompletionResult]::new('--skip-version-check', '--skip-version-check', [CompletionResultType]::ParameterName, 'Install even when the cluster''s Kubernetes is older than the Flux release supports')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output: text (progress on stderr) or json (one object per step, then the result, on stdout)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output: text (progress on stderr) or json (one object per step, then the result, on stdout)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Flux release to install, e.g. v2.9.4')
            [CompletionResult]::new('--manifests', '--manifests', [CompletionResultType]::ParameterName, 'Install from this install.yaml, or every .yaml file in this directory, instead of downloading (air-gapped clusters)')
            [CompletionResult]::new('--release-url', '--release-url', [CompletionResultType]::ParameterName, 'Where Flux release assets are downloaded from: <URL>/<version>/install.yaml')
            [CompletionResult]::new('--components', '--components', [CompletionResultType]::ParameterName, 'Controllers to install (separate with commas)')
            [CompletionResult]::new('--components-extra', '--components-extra', [CompletionResultType]::ParameterName, 'Extra controllers: image-reflector-controller, image-automation-controller, source-watcher')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Registry to pull the controller images from')
            [CompletionResult]::new('--image-pull-secret', '--image-pull-secret', [CompletionResultType]::ParameterName, 'Secret in the install namespace with credentials for --registry')
            [CompletionResult]::new('--network-policy', '--network-policy', [CompletionResultType]::ParameterName, 'Install the network policies that restrict traffic to the controllers')
            [CompletionResult]::new('--watch-all-namespaces', '--watch-all-namespaces', [CompletionResultType]::ParameterName, 'Let the controllers watch objects in every namespace, not only the install namespace')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'The controllers'' log level')
            [CompletionResult]::new('--toleration-keys', '--toleration-keys', [CompletionResultType]::ParameterName, 'Taint keys the controllers tolerate (separate with commas)')
            [CompletionResult]::new('--cluster-domain', '--cluster-domain', [CompletionResultType]::ParameterName, 'The cluster''s DNS domain')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;bootstrap;git' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Repository URL: ssh://, https://, http:// (with --allow-insecure-http) or file://')
            [CompletionResult]::new('--sync-url', '--sync-url', [CompletionResultType]::ParameterName, 'The URL the cluster pulls from, when it differs from --url (needed for file://)')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow a plain http:// URL')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username for HTTP(S)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username for HTTP(S)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Password or token for HTTP(S), or the passphrase of --private-key-file (also $GIT_PASSWORD)')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password or token for HTTP(S), or the passphrase of --private-key-file (also $GIT_PASSWORD)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'SSH private key to push with; the cluster uses it too (default: a new key and ssh-agent for the push)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust for an HTTPS server with a private CA')
            [CompletionResult]::new('--token-auth', '--token-auth', [CompletionResultType]::ParameterName, 'The cluster pulls with --username and --password (an HTTP(S) URL) instead of an SSH key')
            [CompletionResult]::new('--ssh-hostname', '--ssh-hostname', [CompletionResultType]::ParameterName, 'SSH host (HOST[:PORT]) the cluster pulls from when --url is http(s) without --token-auth (default: --url''s host)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Do not ask whether the deploy key was added')
            [CompletionResult]::new('--silent', '--silent', [CompletionResultType]::ParameterName, 'Do not ask whether the deploy key was added')
            [CompletionResult]::new('--branch', '--branch', [CompletionResultType]::ParameterName, 'Branch to commit to and sync from (created when missing)')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'Directory of this cluster in the repository (default: the root); floe writes only <path>/flux-system')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'How often the cluster checks the repository for new commits')
            [CompletionResult]::new('--secret-name', '--secret-name', [CompletionResultType]::ParameterName, 'Secret in the install namespace with the cluster''s Git credentials')
            [CompletionResult]::new('--ssh-key-algorithm', '--ssh-key-algorithm', [CompletionResultType]::ParameterName, 'Algorithm of a generated SSH key')
            [CompletionResult]::new('--ssh-ecdsa-curve', '--ssh-ecdsa-curve', [CompletionResultType]::ParameterName, 'Curve of a generated ECDSA key')
            [CompletionResult]::new('--ssh-rsa-bits', '--ssh-rsa-bits', [CompletionResultType]::ParameterName, 'Size of a generated RSA key in bits (2048 to 8192)')
            [CompletionResult]::new('--author-name', '--author-name', [CompletionResultType]::ParameterName, 'Commit author name (default: git config user.name, else floe)')
            [CompletionResult]::new('--author-email', '--author-email', [CompletionResultType]::ParameterName, 'Commit author email (default: git config user.email)')
            [CompletionResult]::new('--commit-message-appendix', '--commit-message-appendix', [CompletionResultType]::ParameterName, 'Text added to the end of the commit message')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan (repository actions, a diff of the files, a server-side dry run) and change nothing')
            [CompletionResult]::new('--skip-version-check', '--skip-version-check', [CompletionResultType]::ParameterName, 'Install even when the cluster''s Kubernetes is older than the Flux release supports')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output: text (progress on stderr) or json (one object per step, then the result, on stdout)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output: text (progress on stderr) or json (one object per step, then the result, on stdout)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Flux release to install, e.g. v2.9.4')
            [CompletionResult]::new('--manifests', '--manifests', [CompletionResultType]::ParameterName, 'Install from this install.yaml, or every .yaml file in this directory, instead of downloading (air-gapped clusters)')
            [CompletionResult]::new('--release-url', '--release-url', [CompletionResultType]::ParameterName, 'Where Flux release assets are downloaded from: <URL>/<version>/install.yaml')
            [CompletionResult]::new('--components', '--components', [CompletionResultType]::ParameterName, 'Controllers to install (separate with commas)')
            [CompletionResult]::new('--components-extra', '--components-extra', [CompletionResultType]::ParameterName, 'Extra controllers: image-reflector-controller, image-automation-controller, source-watcher')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Registry to pull the controller images from')
            [CompletionResult]::new('--image-pull-secret', '--image-pull-secret', [CompletionResultType]::ParameterName, 'Secret in the install namespace with credentials for --registry')
            [CompletionResult]::new('--network-policy', '--network-policy', [CompletionResultType]::ParameterName, 'Install the network policies that restrict traffic to the controllers')
            [CompletionResult]::new('--watch-all-namespaces', '--watch-all-namespaces', [CompletionResultType]::ParameterName, 'Let the controllers watch objects in every namespace, not only the install namespace')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'The controllers'' log level')
            [CompletionResult]::new('--toleration-keys', '--toleration-keys', [CompletionResultType]::ParameterName, 'Taint keys the controllers tolerate (separate with commas)')
            [CompletionResult]::new('--cluster-domain', '--cluster-domain', [CompletionResultType]::ParameterName, 'The cluster''s DNS domain')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;bootstrap;help' {
            [CompletionResult]::new('github', 'github', [CompletionResultType]::ParameterValue, 'Bootstrap from a GitHub repository, created if it does not exist')
            [CompletionResult]::new('git', 'git', [CompletionResultType]::ParameterValue, 'Bootstrap from any Git server (no provider API)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'floe;bootstrap;help;github' {
            break
        }
        'floe;bootstrap;help;git' {
            break
        }
        'floe;bootstrap;help;help' {
            break
        }
        'floe;install' {
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Flux release to install, e.g. v2.9.4')
            [CompletionResult]::new('--manifests', '--manifests', [CompletionResultType]::ParameterName, 'Install from this install.yaml, or every .yaml file in this directory, instead of downloading (air-gapped clusters)')
            [CompletionResult]::new('--release-url', '--release-url', [CompletionResultType]::ParameterName, 'Where Flux release assets are downloaded from: <URL>/<version>/install.yaml')
            [CompletionResult]::new('--components', '--components', [CompletionResultType]::ParameterName, 'Controllers to install (separate with commas)')
            [CompletionResult]::new('--components-extra', '--components-extra', [CompletionResultType]::ParameterName, 'Extra controllers: image-reflector-controller, image-automation-controller, source-watcher')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Registry to pull the controller images from')
            [CompletionResult]::new('--image-pull-secret', '--image-pull-secret', [CompletionResultType]::ParameterName, 'Secret in the install namespace with credentials for --registry')
            [CompletionResult]::new('--network-policy', '--network-policy', [CompletionResultType]::ParameterName, 'Install the network policies that restrict traffic to the controllers')
            [CompletionResult]::new('--watch-all-namespaces', '--watch-all-namespaces', [CompletionResultType]::ParameterName, 'Let the controllers watch objects in every namespace, not only the install namespace')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'The controllers'' log level')
            [CompletionResult]::new('--toleration-keys', '--toleration-keys', [CompletionResultType]::ParameterName, 'Taint keys the controllers tolerate (separate with commas)')
            [CompletionResult]::new('--cluster-domain', '--cluster-domain', [CompletionResultType]::ParameterName, 'The cluster''s DNS domain')
            [CompletionResult]::new('--export', '--export', [CompletionResultType]::ParameterName, 'Print the manifests to stdout instead of applying them')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait for the controllers to roll out (--wait=false returns right after applying)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;check' {
            [CompletionResult]::new('--pre', '--pre', [CompletionResultType]::ParameterName, 'Check the prerequisites for installing Flux instead of the installed components')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Flux release whose Kubernetes minimum --pre checks against')
            [CompletionResult]::new('--skip-version-check', '--skip-version-check', [CompletionResultType]::ParameterName, 'Report a server older than the Flux release needs as passing (at your own risk)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (json is documented in docs/output.md)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (json is documented in docs/output.md)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;get' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('sources', 'sources', [CompletionResultType]::ParameterValue, 'Show sources: git, helm, oci, bucket or all')
            [CompletionResult]::new('source', 'source', [CompletionResultType]::ParameterValue, 'Show sources: git, helm, oci, bucket or all')
            [CompletionResult]::new('syncs', 'syncs', [CompletionResultType]::ParameterValue, 'Show syncs (Flux Kustomizations)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Show syncs (Flux Kustomizations)')
            [CompletionResult]::new('kustomizations', 'kustomizations', [CompletionResultType]::ParameterValue, 'Show syncs (Flux Kustomizations)')
            [CompletionResult]::new('kustomization', 'kustomization', [CompletionResultType]::ParameterValue, 'Show syncs (Flux Kustomizations)')
            [CompletionResult]::new('ks', 'ks', [CompletionResultType]::ParameterValue, 'Show syncs (Flux Kustomizations)')
            [CompletionResult]::new('all', 'all', [CompletionResultType]::ParameterValue, 'Show every source and sync')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'floe;get;sources' {
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'List objects in every namespace')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'List objects in every namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (json and yaml are documented in docs/output.md)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (json and yaml are documented in docs/output.md)')
            [CompletionResult]::new('--status-selector', '--status-selector', [CompletionResultType]::ParameterName, 'Show only objects with a condition in this status, e.g. ready=false')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'After listing, print each change as it happens (until interrupted)')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'After listing, print each change as it happens (until interrupted)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;get;source' {
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'List objects in every namespace')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'List objects in every namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (json and yaml are documented in docs/output.md)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (json and yaml are documented in docs/output.md)')
            [CompletionResult]::new('--status-selector', '--status-selector', [CompletionResultType]::ParameterName, 'Show only objects with a condition in this status, e.g. ready=false')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'After listing, print each change as it happens (until interrupted)')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'After listing, print each change as it happens (until interrupted)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;get;syncs' {
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'List objects in every namespace')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'List objects in every namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (json and yaml are documented in docs/output.md)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (json and yaml are documented in docs/output.md)')
            [CompletionResult]::new('--status-selector', '--status-selector', [CompletionResultType]::ParameterName, 'Show only objects with a condition in this status, e.g. ready=false')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'After listing, print each change as it happens (until interrupted)')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'After listing, print each change as it happens (until interrupted)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;get;sync' {
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'List objects in every namespace')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'List objects in every namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (json and yaml are documented in docs/output.md)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (json and yaml are documented in docs/output.md)')
            [CompletionResult]::new('--status-selector', '--status-selector', [CompletionResultType]::ParameterName, 'Show only objects with a condition in this status, e.g. ready=false')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'After listing, print each change as it happens (until interrupted)')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'After listing, print each change as it happens (until interrupted)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;get;kustomizations' {
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'List objects in every namespace')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'List objects in every namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (json and yaml are documented in docs/output.md)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (json and yaml are documented in docs/output.md)')
            [CompletionResult]::new('--status-selector', '--status-selector', [CompletionResultType]::ParameterName, 'Show only objects with a condition in this status, e.g. ready=false')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'After listing, print each change as it happens (until interrupted)')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'After listing, print each change as it happens (until interrupted)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;get;kustomization' {
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'List objects in every namespace')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'List objects in every namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (json and yaml are documented in docs/output.md)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (json and yaml are documented in docs/output.md)')
            [CompletionResult]::new('--status-selector', '--status-selector', [CompletionResultType]::ParameterName, 'Show only objects with a condition in this status, e.g. ready=false')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'After listing, print each change as it happens (until interrupted)')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'After listing, print each change as it happens (until interrupted)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;get;ks' {
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'List objects in every namespace')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'List objects in every namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (json and yaml are documented in docs/output.md)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (json and yaml are documented in docs/output.md)')
            [CompletionResult]::new('--status-selector', '--status-selector', [CompletionResultType]::ParameterName, 'Show only objects with a condition in this status, e.g. ready=false')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'After listing, print each change as it happens (until interrupted)')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'After listing, print each change as it happens (until interrupted)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;get;all' {
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'List objects in every namespace')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'List objects in every namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (json and yaml are documented in docs/output.md)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (json and yaml are documented in docs/output.md)')
            [CompletionResult]::new('--status-selector', '--status-selector', [CompletionResultType]::ParameterName, 'Show only objects with a condition in this status, e.g. ready=false')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'After listing, print each change as it happens (until interrupted)')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'After listing, print each change as it happens (until interrupted)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;get;help' {
            [CompletionResult]::new('sources', 'sources', [CompletionResultType]::ParameterValue, 'Show sources: git, helm, oci, bucket or all')
            [CompletionResult]::new('syncs', 'syncs', [CompletionResultType]::ParameterValue, 'Show syncs (Flux Kustomizations)')
            [CompletionResult]::new('all', 'all', [CompletionResultType]::ParameterValue, 'Show every source and sync')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'floe;get;help;sources' {
            break
        }
        'floe;get;help;syncs' {
            break
        }
        'floe;get;help;all' {
            break
        }
        'floe;get;help;help' {
            break
        }
        'floe;create' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('source', 'source', [CompletionResultType]::ParameterValue, 'Create or update a source: git, helm, oci or bucket')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Create or update a sync (a Flux Kustomization) that applies a path of a source')
            [CompletionResult]::new('kustomization', 'kustomization', [CompletionResultType]::ParameterValue, 'Create or update a sync (a Flux Kustomization) that applies a path of a source')
            [CompletionResult]::new('ks', 'ks', [CompletionResultType]::ParameterValue, 'Create or update a sync (a Flux Kustomization) that applies a path of a source')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'floe;create;source' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('git', 'git', [CompletionResultType]::ParameterValue, 'Create or update a GitRepository source')
            [CompletionResult]::new('helm', 'helm', [CompletionResultType]::ParameterValue, 'Create or update a HelmRepository source')
            [CompletionResult]::new('oci', 'oci', [CompletionResultType]::ParameterValue, 'Create or update an OCIRepository source')
            [CompletionResult]::new('bucket', 'bucket', [CompletionResultType]::ParameterValue, 'Create or update a Bucket source')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'floe;create;source;git' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Repository URL: https://host/org/repo, http://... or ssh://git@host/org/repo')
            [CompletionResult]::new('--branch', '--branch', [CompletionResultType]::ParameterName, 'Branch to follow (may be combined with --commit)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag to check out')
            [CompletionResult]::new('--tag-semver', '--tag-semver', [CompletionResultType]::ParameterName, 'Semver range of tags to follow, e.g. ''>=1.0.0 <2.0.0''')
            [CompletionResult]::new('--ref-name', '--ref-name', [CompletionResultType]::ParameterName, 'Full reference name, e.g. refs/heads/main or refs/pull/42/head')
            [CompletionResult]::new('--commit', '--commit', [CompletionResultType]::ParameterName, 'Commit SHA to check out')
            [CompletionResult]::new('--secret-ref', '--secret-ref', [CompletionResultType]::ParameterName, 'Name of an existing secret with SSH keys or basic-auth credentials')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Who authenticates the pulls')
            [CompletionResult]::new('--recurse-submodules', '--recurse-submodules', [CompletionResultType]::ParameterName, 'Include Git submodules in the artifact')
            [CompletionResult]::new('--ignore-paths', '--ignore-paths', [CompletionResultType]::ParameterName, 'Paths to leave out of the artifact, in .gitignore syntax (repeat or separate with commas)')
            [CompletionResult]::new('--sparse-checkout-paths', '--sparse-checkout-paths', [CompletionResultType]::ParameterName, 'Check out only these directories (repeat or separate with commas)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'How often Flux reconciles the object, e.g. 30s, 1m, 1h')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Set a label on the object, as key=value (repeat or separate with commas)')
            [CompletionResult]::new('--export', '--export', [CompletionResultType]::ParameterName, 'Print the object as YAML to stdout instead of applying it')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;create;source;helm' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Repository URL: https://..., http://... or oci://registry/path')
            [CompletionResult]::new('--secret-ref', '--secret-ref', [CompletionResultType]::ParameterName, 'Name of an existing secret with credentials')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Repository type; oci:// URLs are always `oci`')
            [CompletionResult]::new('--oci', '--oci', [CompletionResultType]::ParameterName, 'Same as --type=oci')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'How often Flux reconciles the object, e.g. 30s, 1m, 1h')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Set a label on the object, as key=value (repeat or separate with commas)')
            [CompletionResult]::new('--export', '--export', [CompletionResultType]::ParameterName, 'Print the object as YAML to stdout instead of applying it')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;create;source;oci' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Artifact URL: oci://registry/repository')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag to pull')
            [CompletionResult]::new('--tag-semver', '--tag-semver', [CompletionResultType]::ParameterName, 'Semver range of tags to follow')
            [CompletionResult]::new('--digest', '--digest', [CompletionResultType]::ParameterName, 'Digest to pull, e.g. sha256:<hex>')
            [CompletionResult]::new('--secret-ref', '--secret-ref', [CompletionResultType]::ParameterName, 'Name of an existing image pull secret')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Who authenticates the pulls')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'How often Flux reconciles the object, e.g. 30s, 1m, 1h')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Set a label on the object, as key=value (repeat or separate with commas)')
            [CompletionResult]::new('--export', '--export', [CompletionResultType]::ParameterName, 'Print the object as YAML to stdout instead of applying it')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;create;source;bucket' {
            [CompletionResult]::new('--bucket-name', '--bucket-name', [CompletionResultType]::ParameterName, 'Name of the bucket in the object store')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Object store endpoint, host[:port] without a scheme')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The object storage API')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Bucket region')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS')
            [CompletionResult]::new('--secret-ref', '--secret-ref', [CompletionResultType]::ParameterName, 'Name of an existing secret with access keys')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'How often Flux reconciles the object, e.g. 30s, 1m, 1h')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Set a label on the object, as key=value (repeat or separate with commas)')
            [CompletionResult]::new('--export', '--export', [CompletionResultType]::ParameterName, 'Print the object as YAML to stdout instead of applying it')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;create;source;help' {
            [CompletionResult]::new('git', 'git', [CompletionResultType]::ParameterValue, 'Create or update a GitRepository source')
            [CompletionResult]::new('helm', 'helm', [CompletionResultType]::ParameterValue, 'Create or update a HelmRepository source')
            [CompletionResult]::new('oci', 'oci', [CompletionResultType]::ParameterValue, 'Create or update an OCIRepository source')
            [CompletionResult]::new('bucket', 'bucket', [CompletionResultType]::ParameterValue, 'Create or update a Bucket source')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'floe;create;source;help;git' {
            break
        }
        'floe;create;source;help;helm' {
            break
        }
        'floe;create;source;help;oci' {
            break
        }
        'floe;create;source;help;bucket' {
            break
        }
        'floe;create;source;help;help' {
            break
        }
        'floe;create;sync' {
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Source to apply from, [Kind/]name[.namespace]; Kind is GitRepository (default), OCIRepository or Bucket')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'Directory in the source to apply, relative to its root')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Delete objects that were removed from the source')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until every applied object is ready')
            [CompletionResult]::new('--retry-interval', '--retry-interval', [CompletionResultType]::ParameterName, 'How soon to retry after a failed reconciliation, e.g. 30s')
            [CompletionResult]::new('--health-check-timeout', '--health-check-timeout', [CompletionResultType]::ParameterName, 'How long health checks (--wait or --health-check) may take')
            [CompletionResult]::new('--target-namespace', '--target-namespace', [CompletionResultType]::ParameterName, 'Put every applied namespaced object in this namespace')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'Kustomizations that must be ready first, name or namespace/name (repeat or separate with commas)')
            [CompletionResult]::new('--health-check', '--health-check', [CompletionResultType]::ParameterName, 'Workload to check after applying, Kind/name.namespace (repeat or separate with commas)')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'Service account to impersonate when applying')
            [CompletionResult]::new('--decryption-provider', '--decryption-provider', [CompletionResultType]::ParameterName, 'Decrypt secrets with this provider')
            [CompletionResult]::new('--decryption-secret', '--decryption-secret', [CompletionResultType]::ParameterName, 'Secret holding the decryption keys')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'How often Flux reconciles the object, e.g. 30s, 1m, 1h')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Set a label on the object, as key=value (repeat or separate with commas)')
            [CompletionResult]::new('--export', '--export', [CompletionResultType]::ParameterName, 'Print the object as YAML to stdout instead of applying it')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;create;kustomization' {
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Source to apply from, [Kind/]name[.namespace]; Kind is GitRepository (default), OCIRepository or Bucket')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'Directory in the source to apply, relative to its root')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Delete objects that were removed from the source')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until every applied object is ready')
            [CompletionResult]::new('--retry-interval', '--retry-interval', [CompletionResultType]::ParameterName, 'How soon to retry after a failed reconciliation, e.g. 30s')
            [CompletionResult]::new('--health-check-timeout', '--health-check-timeout', [CompletionResultType]::ParameterName, 'How long health checks (--wait or --health-check) may take')
            [CompletionResult]::new('--target-namespace', '--target-namespace', [CompletionResultType]::ParameterName, 'Put every applied namespaced object in this namespace')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'Kustomizations that must be ready first, name or namespace/name (repeat or separate with commas)')
            [CompletionResult]::new('--health-check', '--health-check', [CompletionResultType]::ParameterName, 'Workload to check after applying, Kind/name.namespace (repeat or separate with commas)')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'Service account to impersonate when applying')
            [CompletionResult]::new('--decryption-provider', '--decryption-provider', [CompletionResultType]::ParameterName, 'Decrypt secrets with this provider')
            [CompletionResult]::new('--decryption-secret', '--decryption-secret', [CompletionResultType]::ParameterName, 'Secret holding the decryption keys')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'How often Flux reconciles the object, e.g. 30s, 1m, 1h')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Set a label on the object, as key=value (repeat or separate with commas)')
            [CompletionResult]::new('--export', '--export', [CompletionResultType]::ParameterName, 'Print the object as YAML to stdout instead of applying it')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;create;ks' {
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Source to apply from, [Kind/]name[.namespace]; Kind is GitRepository (default), OCIRepository or Bucket')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'Directory in the source to apply, relative to its root')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Delete objects that were removed from the source')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until every applied object is ready')
            [CompletionResult]::new('--retry-interval', '--retry-interval', [CompletionResultType]::ParameterName, 'How soon to retry after a failed reconciliation, e.g. 30s')
            [CompletionResult]::new('--health-check-timeout', '--health-check-timeout', [CompletionResultType]::ParameterName, 'How long health checks (--wait or --health-check) may take')
            [CompletionResult]::new('--target-namespace', '--target-namespace', [CompletionResultType]::ParameterName, 'Put every applied namespaced object in this namespace')
            [CompletionResult]::new('--depends-on', '--depends-on', [CompletionResultType]::ParameterName, 'Kustomizations that must be ready first, name or namespace/name (repeat or separate with commas)')
            [CompletionResult]::new('--health-check', '--health-check', [CompletionResultType]::ParameterName, 'Workload to check after applying, Kind/name.namespace (repeat or separate with commas)')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'Service account to impersonate when applying')
            [CompletionResult]::new('--decryption-provider', '--decryption-provider', [CompletionResultType]::ParameterName, 'Decrypt secrets with this provider')
            [CompletionResult]::new('--decryption-secret', '--decryption-secret', [CompletionResultType]::ParameterName, 'Secret holding the decryption keys')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'How often Flux reconciles the object, e.g. 30s, 1m, 1h')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Set a label on the object, as key=value (repeat or separate with commas)')
            [CompletionResult]::new('--export', '--export', [CompletionResultType]::ParameterName, 'Print the object as YAML to stdout instead of applying it')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;create;help' {
            [CompletionResult]::new('source', 'source', [CompletionResultType]::ParameterValue, 'Create or update a source: git, helm, oci or bucket')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Create or update a sync (a Flux Kustomization) that applies a path of a source')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'floe;create;help;source' {
            [CompletionResult]::new('git', 'git', [CompletionResultType]::ParameterValue, 'Create or update a GitRepository source')
            [CompletionResult]::new('helm', 'helm', [CompletionResultType]::ParameterValue, 'Create or update a HelmRepository source')
            [CompletionResult]::new('oci', 'oci', [CompletionResultType]::ParameterValue, 'Create or update an OCIRepository source')
            [CompletionResult]::new('bucket', 'bucket', [CompletionResultType]::ParameterValue, 'Create or update a Bucket source')
            break
        }
        'floe;create;help;source;git' {
            break
        }
        'floe;create;help;source;helm' {
            break
        }
        'floe;create;help;source;oci' {
            break
        }
        'floe;create;help;source;bucket' {
            break
        }
        'floe;create;help;sync' {
            break
        }
        'floe;create;help;help' {
            break
        }
        'floe;reconcile' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('source', 'source', [CompletionResultType]::ParameterValue, 'Fetch a source now: git, helm, oci or bucket')
            [CompletionResult]::new('sources', 'sources', [CompletionResultType]::ParameterValue, 'Fetch a source now: git, helm, oci or bucket')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Apply a sync (a Flux Kustomization) now')
            [CompletionResult]::new('syncs', 'syncs', [CompletionResultType]::ParameterValue, 'Apply a sync (a Flux Kustomization) now')
            [CompletionResult]::new('kustomization', 'kustomization', [CompletionResultType]::ParameterValue, 'Apply a sync (a Flux Kustomization) now')
            [CompletionResult]::new('ks', 'ks', [CompletionResultType]::ParameterValue, 'Apply a sync (a Flux Kustomization) now')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'floe;reconcile;source' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;reconcile;sources' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;reconcile;sync' {
            [CompletionResult]::new('--with-source', '--with-source', [CompletionResultType]::ParameterName, 'Fetch the sync''s source first')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;reconcile;syncs' {
            [CompletionResult]::new('--with-source', '--with-source', [CompletionResultType]::ParameterName, 'Fetch the sync''s source first')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;reconcile;kustomization' {
            [CompletionResult]::new('--with-source', '--with-source', [CompletionResultType]::ParameterName, 'Fetch the sync''s source first')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;reconcile;ks' {
            [CompletionResult]::new('--with-source', '--with-source', [CompletionResultType]::ParameterName, 'Fetch the sync''s source first')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;reconcile;help' {
            [CompletionResult]::new('source', 'source', [CompletionResultType]::ParameterValue, 'Fetch a source now: git, helm, oci or bucket')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Apply a sync (a Flux Kustomization) now')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'floe;reconcile;help;source' {
            break
        }
        'floe;reconcile;help;sync' {
            break
        }
        'floe;reconcile;help;help' {
            break
        }
        'floe;suspend' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('source', 'source', [CompletionResultType]::ParameterValue, 'A source: git, helm, oci or bucket')
            [CompletionResult]::new('sources', 'sources', [CompletionResultType]::ParameterValue, 'A source: git, helm, oci or bucket')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'A sync (a Flux Kustomization)')
            [CompletionResult]::new('syncs', 'syncs', [CompletionResultType]::ParameterValue, 'A sync (a Flux Kustomization)')
            [CompletionResult]::new('kustomization', 'kustomization', [CompletionResultType]::ParameterValue, 'A sync (a Flux Kustomization)')
            [CompletionResult]::new('ks', 'ks', [CompletionResultType]::ParameterValue, 'A sync (a Flux Kustomization)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'floe;suspend;source' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;suspend;sources' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;suspend;sync' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;suspend;syncs' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;suspend;kustomization' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;suspend;ks' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;suspend;help' {
            [CompletionResult]::new('source', 'source', [CompletionResultType]::ParameterValue, 'A source: git, helm, oci or bucket')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'A sync (a Flux Kustomization)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'floe;suspend;help;source' {
            break
        }
        'floe;suspend;help;sync' {
            break
        }
        'floe;suspend;help;help' {
            break
        }
        'floe;resume' {
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Return after clearing suspend, without waiting for the reconciliation')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('source', 'source', [CompletionResultType]::ParameterValue, 'A source: git, helm, oci or bucket')
            [CompletionResult]::new('sources', 'sources', [CompletionResultType]::ParameterValue, 'A source: git, helm, oci or bucket')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'A sync (a Flux Kustomization)')
            [CompletionResult]::new('syncs', 'syncs', [CompletionResultType]::ParameterValue, 'A sync (a Flux Kustomization)')
            [CompletionResult]::new('kustomization', 'kustomization', [CompletionResultType]::ParameterValue, 'A sync (a Flux Kustomization)')
            [CompletionResult]::new('ks', 'ks', [CompletionResultType]::ParameterValue, 'A sync (a Flux Kustomization)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'floe;resume;source' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;resume;sources' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;resume;sync' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;resume;syncs' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;resume;kustomization' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;resume;ks' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;resume;help' {
            [CompletionResult]::new('source', 'source', [CompletionResultType]::ParameterValue, 'A source: git, helm, oci or bucket')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'A sync (a Flux Kustomization)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'floe;resume;help;source' {
            break
        }
        'floe;resume;help;sync' {
            break
        }
        'floe;resume;help;help' {
            break
        }
        'floe;export' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('source', 'source', [CompletionResultType]::ParameterValue, 'Sources: git, helm, oci or bucket')
            [CompletionResult]::new('sources', 'sources', [CompletionResultType]::ParameterValue, 'Sources: git, helm, oci or bucket')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Syncs (Flux Kustomizations)')
            [CompletionResult]::new('syncs', 'syncs', [CompletionResultType]::ParameterValue, 'Syncs (Flux Kustomizations)')
            [CompletionResult]::new('kustomization', 'kustomization', [CompletionResultType]::ParameterValue, 'Syncs (Flux Kustomizations)')
            [CompletionResult]::new('ks', 'ks', [CompletionResultType]::ParameterValue, 'Syncs (Flux Kustomizations)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'floe;export;source' {
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Export every object of the kind in the namespace')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'With --all, export from every namespace')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'With --all, export from every namespace')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;export;sources' {
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Export every object of the kind in the namespace')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'With --all, export from every namespace')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'With --all, export from every namespace')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;export;sync' {
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Export every object of the kind in the namespace')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'With --all, export from every namespace')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'With --all, export from every namespace')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;export;syncs' {
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Export every object of the kind in the namespace')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'With --all, export from every namespace')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'With --all, export from every namespace')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;export;kustomization' {
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Export every object of the kind in the namespace')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'With --all, export from every namespace')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'With --all, export from every namespace')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;export;ks' {
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Export every object of the kind in the namespace')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'With --all, export from every namespace')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'With --all, export from every namespace')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;export;help' {
            [CompletionResult]::new('source', 'source', [CompletionResultType]::ParameterValue, 'Sources: git, helm, oci or bucket')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Syncs (Flux Kustomizations)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'floe;export;help;source' {
            break
        }
        'floe;export;help;sync' {
            break
        }
        'floe;export;help;help' {
            break
        }
        'floe;delete' {
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('source', 'source', [CompletionResultType]::ParameterValue, 'A source: git, helm, oci or bucket')
            [CompletionResult]::new('sources', 'sources', [CompletionResultType]::ParameterValue, 'A source: git, helm, oci or bucket')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'A sync (a Flux Kustomization)')
            [CompletionResult]::new('syncs', 'syncs', [CompletionResultType]::ParameterValue, 'A sync (a Flux Kustomization)')
            [CompletionResult]::new('kustomization', 'kustomization', [CompletionResultType]::ParameterValue, 'A sync (a Flux Kustomization)')
            [CompletionResult]::new('ks', 'ks', [CompletionResultType]::ParameterValue, 'A sync (a Flux Kustomization)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'floe;delete;source' {
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;delete;sources' {
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;delete;sync' {
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;delete;syncs' {
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;delete;kustomization' {
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;delete;ks' {
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;delete;help' {
            [CompletionResult]::new('source', 'source', [CompletionResultType]::ParameterValue, 'A source: git, helm, oci or bucket')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'A sync (a Flux Kustomization)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'floe;delete;help;source' {
            break
        }
        'floe;delete;help;sync' {
            break
        }
        'floe;delete;help;help' {
            break
        }
        'floe;uninstall' {
            [CompletionResult]::new('--keep-namespace', '--keep-namespace', [CompletionResultType]::ParameterName, 'Leave the namespace (and the secrets in it) in place')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Uninstall without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Uninstall without asking')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;completion' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;version' {
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'Print only the client versions; do not ask the cluster')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: the current context)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace Flux runs in and new objects go to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Do not colour output (also when NO_COLOR is set)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'floe;help' {
            [CompletionResult]::new('bootstrap', 'bootstrap', [CompletionResultType]::ParameterValue, 'Set up GitOps: commit Flux to a repository, install it, and verify the cluster syncs')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install the Flux controllers on the cluster')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check the cluster before installing (--pre) or the installed controllers')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show the state of sources and syncs')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create or update Flux sources and syncs')
            [CompletionResult]::new('reconcile', 'reconcile', [CompletionResultType]::ParameterValue, 'Ask Flux to reconcile a source or sync now and wait for the result')
            [CompletionResult]::new('suspend', 'suspend', [CompletionResultType]::ParameterValue, 'Stop reconciling a source or sync')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Start reconciling a suspended source or sync again')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print live sources and syncs as YAML to commit to Git')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a source or sync')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove the Flux controllers, CRDs and namespace from the cluster')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print shell completion scripts')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print floe''s version and the Flux version on the cluster')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'floe;help;bootstrap' {
            [CompletionResult]::new('github', 'github', [CompletionResultType]::ParameterValue, 'Bootstrap from a GitHub repository, created if it does not exist')
            [CompletionResult]::new('git', 'git', [CompletionResultType]::ParameterValue, 'Bootstrap from any Git server (no provider API)')
            break
        }
        'floe;help;bootstrap;github' {
            break
        }
        'floe;help;bootstrap;git' {
            break
        }
        'floe;help;install' {
            break
        }
        'floe;help;check' {
            break
        }
        'floe;help;get' {
            [CompletionResult]::new('sources', 'sources', [CompletionResultType]::ParameterValue, 'Show sources: git, helm, oci, bucket or all')
            [CompletionResult]::new('syncs', 'syncs', [CompletionResultType]::ParameterValue, 'Show syncs (Flux Kustomizations)')
            [CompletionResult]::new('all', 'all', [CompletionResultType]::ParameterValue, 'Show every source and sync')
            break
        }
        'floe;help;get;sources' {
            break
        }
        'floe;help;get;syncs' {
            break
        }
        'floe;help;get;all' {
            break
        }
        'floe;help;create' {
            [CompletionResult]::new('source', 'source', [CompletionResultType]::ParameterValue, 'Create or update a source: git, helm, oci or bucket')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Create or update a sync (a Flux Kustomization) that applies a path of a source')
            break
        }
        'floe;help;create;source' {
            [CompletionResult]::new('git', 'git', [CompletionResultType]::ParameterValue, 'Create or update a GitRepository source')
            [CompletionResult]::new('helm', 'helm', [CompletionResultType]::ParameterValue, 'Create or update a HelmRepository source')
            [CompletionResult]::new('oci', 'oci', [CompletionResultType]::ParameterValue, 'Create or update an OCIRepository source')
            [CompletionResult]::new('bucket', 'bucket', [CompletionResultType]::ParameterValue, 'Create or update a Bucket source')
            break
        }
        'floe;help;create;source;git' {
            break
        }
        'floe;help;create;source;helm' {
            break
        }
        'floe;help;create;source;oci' {
            break
        }
        'floe;help;create;source;bucket' {
            break
        }
        'floe;help;create;sync' {
            break
        }
        'floe;help;reconcile' {
            [CompletionResult]::new('source', 'source', [CompletionResultType]::ParameterValue, 'Fetch a source now: git, helm, oci or bucket')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Apply a sync (a Flux Kustomization) now')
            break
        }
        'floe;help;reconcile;source' {
            break
        }
        'floe;help;reconcile;sync' {
            break
        }
        'floe;help;suspend' {
            [CompletionResult]::new('source', 'source', [CompletionResultType]::ParameterValue, 'A source: git, helm, oci or bucket')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'A sync (a Flux Kustomization)')
            break
        }
        'floe;help;suspend;source' {
            break
        }
        'floe;help;suspend;sync' {
            break
        }
        'floe;help;resume' {
            [CompletionResult]::new('source', 'source', [CompletionResultType]::ParameterValue, 'A source: git, helm, oci or bucket')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'A sync (a Flux Kustomization)')
            break
        }
        'floe;help;resume;source' {
            break
        }
        'floe;help;resume;sync' {
            break
        }
        'floe;help;export' {
            [CompletionResult]::new('source', 'source', [CompletionResultType]::ParameterValue, 'Sources: git, helm, oci or bucket')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Syncs (Flux Kustomizations)')
            break
        }
        'floe;help;export;source' {
            break
        }
        'floe;help;export;sync' {
            break
        }
        'floe;help;delete' {
            [CompletionResult]::new('source', 'source', [CompletionResultType]::ParameterValue, 'A source: git, helm, oci or bucket')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'A sync (a Flux Kustomization)')
            break
        }
        'floe;help;delete;source' {
            break
        }
        'floe;help;delete;sync' {
            break
        }
        'floe;help;uninstall' {
            break
        }
        'floe;help;completion' {
            break
        }
        'floe;help;version' {
            break
        }
        'floe;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
