CLAIMCHECK_SEARCH.add("t:fe",{"feder":[5,33,16,29,2,28,1,27]});
